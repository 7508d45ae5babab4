package org.vigil.matching.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.Severity;
import org.vigil.inventory.DeviceRepository;
import org.vigil.matching.evidence.Confidence;

/**
 * Aggregates over one hospital's findings for an overview (the console's home page): counts by severity and
 * confidence, exploited ones, the newest advisories that hit the hospital, and open counts over time. Every
 * figure is one grouped query, so its cost does not grow with the page's own rows.
 */
@ApplicationScoped
public class FindingStats {

    private final EntityManager em;
    private final DeviceRepository devices;

    public FindingStats(EntityManager em, DeviceRepository devices) {
        this.em = em;
        this.devices = devices;
    }

    /** Open findings counted by advisory severity and confidence. */
    @Transactional
    public Map<Severity, Map<Confidence, Long>> openBySeverity(UUID hospitalId) {
        Map<Severity, Map<Confidence, Long>> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            Map<Confidence, Long> row = new EnumMap<>(Confidence.class);
            for (Confidence c : Confidence.values()) {
                row.put(c, 0L);
            }
            out.put(s, row);
        }
        em.createQuery("select a.severity, f.confidence, count(f) from Finding f, Advisory a where a.id = f.advisoryId"
                        + " and f.hospitalId = :h and f.state = :open group by a.severity, f.confidence", Object[].class)
                .setParameter("h", hospitalId).setParameter("open", FindingState.OPEN)
                .getResultList().forEach(r -> out.get((Severity) r[0]).put((Confidence) r[1], (Long) r[2]));
        return out;
    }

    /** Open findings whose advisory has a CVE in CISA's KEV catalogue, most severe first. */
    @Transactional
    public List<FindingView> openExploited(UUID hospitalId, int limit) {
        List<Object[]> rows = em.createQuery("select f, a from Finding f, Advisory a where a.id = f.advisoryId"
                        + " and f.hospitalId = :h and f.state = :open and a.kev = true"
                        + " order by a.cvssMax desc nulls last, f.firstSeen desc, f.id", Object[].class)
                .setParameter("h", hospitalId).setParameter("open", FindingState.OPEN)
                .setMaxResults(limit).getResultList();
        List<FindingView> out = new ArrayList<>();
        for (Object[] r : rows) {
            Finding f = (Finding) r[0];
            out.add(FindingService.view(f, (Advisory) r[1], devices.findOwned(hospitalId, f.deviceId).orElse(null)));
        }
        return out;
    }

    /** An advisory that affects the hospital: how many of its device rows, and how many of them are still open. */
    public record AdvisoryHit(String id, String title, Severity severity, boolean kev, Instant published,
            long devices, long open) {
    }

    /** The newest advisories (by publication) with at least one finding in the hospital. */
    @Transactional
    public List<AdvisoryHit> newestAdvisories(UUID hospitalId, int limit) {
        return em.createQuery("select a.id, a.title, a.severity, a.kev, a.published, count(f),"
                        + " sum(case when f.state = :open then 1 else 0 end) from Finding f, Advisory a"
                        + " where a.id = f.advisoryId and f.hospitalId = :h"
                        + " group by a.id, a.title, a.severity, a.kev, a.published"
                        + " order by a.published desc nulls last, a.id", Object[].class)
                .setParameter("h", hospitalId).setParameter("open", FindingState.OPEN)
                .setMaxResults(limit).getResultStream()
                .map(r -> new AdvisoryHit((String) r[0], (String) r[1], (Severity) r[2], (Boolean) r[3],
                        (Instant) r[4], (Long) r[5], ((Number) r[6]).longValue()))
                .toList();
    }

    /** Open findings per severity at evenly spaced days, oldest first; {@code days[i]} is the instant counted. */
    public record Trend(List<Instant> days, Map<Severity, List<Long>> counts) {
    }

    /**
     * How many findings were open at each of {@code points} instants over the last {@code span}: a finding is
     * open from its first sighting until it was triaged or resolved away from OPEN (its triage time). One query
     * with one conditional sum per instant.
     */
    @Transactional
    public Trend openOverTime(UUID hospitalId, Instant now, Duration span, int points) {
        List<Instant> days = new ArrayList<>();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < points; i++) {
            Instant at = now.minus(span.multipliedBy(points - 1 - i).dividedBy(Math.max(1, points - 1)));
            days.add(at);
            sums.append(", sum(case when f.firstSeen <= :t").append(i).append(" and (f.state = :open or f.triagedAt is null")
                    .append(" or f.triagedAt > :t").append(i).append(") then 1 else 0 end)");
        }
        var query = em.createQuery("select a.severity" + sums + " from Finding f, Advisory a where a.id = f.advisoryId"
                + " and f.hospitalId = :h and (f.state = :open or f.triagedAt is null or f.triagedAt > :from)"
                + " group by a.severity", Object[].class)
                .setParameter("h", hospitalId).setParameter("open", FindingState.OPEN).setParameter("from", days.get(0));
        for (int i = 0; i < points; i++) {
            query.setParameter("t" + i, days.get(i));
        }
        Map<Severity, List<Long>> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, new ArrayList<>(java.util.Collections.nCopies(points, 0L)));
        }
        for (Object[] r : query.getResultList()) {
            List<Long> series = counts.get((Severity) r[0]);
            for (int i = 0; i < points; i++) {
                series.set(i, r[i + 1] == null ? 0L : ((Number) r[i + 1]).longValue());
            }
        }
        return new Trend(days, counts);
    }
}
