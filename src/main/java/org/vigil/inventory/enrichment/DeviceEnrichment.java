package org.vigil.inventory.enrichment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.inventory.Device;
import org.vigil.inventory.DevicesChanged;

/**
 * The inventory side of GUDID enrichment: which DIs wait for a lookup, the cache of answers, and filling blank
 * device fields from an answer. What the hospital wrote is never overwritten; a device whose fields change is
 * re-matched (DevicesChanged, in the same transaction).
 */
@ApplicationScoped
public class DeviceEnrichment {

    public static final String PENDING = "PENDING";
    public static final String ENRICHED = "ENRICHED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String FAILED = "FAILED";
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);

    private final EntityManager em;
    private final Event<DevicesChanged> changed;

    public DeviceEnrichment(EntityManager em, Event<DevicesChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    /** DIs of devices waiting for a lookup: pending, or failed and due again; at most {@code limit}. */
    @Transactional
    public List<String> dueDis(int limit, Instant now) {
        return em.createQuery("select distinct d.udiDi from Device d where d.udiDi is not null and (d.gudidStatus = "
                + ":pending or (d.gudidStatus = :failed and d.gudidNextAt <= :now)) order by d.udiDi", String.class)
                .setParameter("pending", PENDING).setParameter("failed", FAILED).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** The cached answer for a DI if it is still fresh. */
    @Transactional
    public Optional<GudidRecord> cached(String di, Duration foundTtl, Duration notFoundTtl, Instant now) {
        GudidRecord r = em.find(GudidRecord.class, di);
        if (r == null || r.fetchedAt.plus(r.found ? foundTtl : notFoundTtl).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(r);
    }

    /** Stores (or replaces) the answer for a DI. */
    @Transactional
    public void store(String di, boolean found, String responseJson, String summaryJson) {
        GudidRecord r = em.find(GudidRecord.class, di);
        boolean fresh = r == null;
        if (fresh) {
            r = new GudidRecord();
            r.di = di;
        }
        r.found = found;
        r.responseJson = responseJson;
        r.summaryJson = summaryJson;
        r.fetchedAt = Instant.now();
        if (fresh) {
            em.persist(r);
        }
    }

    /** Fills the blank fields of every waiting device with this DI; returns how many devices changed. */
    @Transactional
    public int enriched(String di, GudidFill fill) {
        Map<UUID, Set<UUID>> byHospital = new HashMap<>();
        for (Device d : waiting(di)) {
            List<String> filled = new ArrayList<>();
            d.manufacturer = fillIn(d.manufacturer, fill.manufacturer(), "manufacturer", filled);
            d.model = fillIn(d.model, fill.model(), "model", filled);
            d.catalogNumber = fillIn(d.catalogNumber, fill.catalogNumber(), "catalogNumber", filled);
            d.productCode = fillIn(d.productCode, fill.productCode(), "productCode", filled);
            d.gudidFilled = filled.isEmpty() ? null : String.join(",", filled);
            done(d, ENRICHED, null);
            if (!filled.isEmpty()) {
                d.updatedAt = Instant.now();
                byHospital.computeIfAbsent(d.hospitalId, h -> new LinkedHashSet<>()).add(d.id);
            }
        }
        em.flush();
        byHospital.forEach((hospital, ids) -> changed.fire(new DevicesChanged(hospital, ids, Set.of())));
        return byHospital.values().stream().mapToInt(Set::size).sum();
    }

    /** AccessGUDID does not know the DI: the devices say so, nothing else changes. */
    @Transactional
    public int notFound(String di) {
        List<Device> devices = waiting(di);
        devices.forEach(d -> done(d, NOT_FOUND, "AccessGUDID has no device with DI " + di));
        return devices.size();
    }

    /** The lookup failed: the devices show the error and are retried after a growing wait. */
    @Transactional
    public int failed(String di, String error, Duration backoff) {
        List<Device> devices = waiting(di);
        for (Device d : devices) {
            d.gudidAttempts++;
            Duration wait = backoff.multipliedBy(1L << Math.min(16, d.gudidAttempts - 1));
            d.gudidNextAt = Instant.now().plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
            d.gudidStatus = FAILED;
            d.gudidError = error == null ? "lookup failed" : error.substring(0, Math.min(500, error.length()));
            d.gudidCheckedAt = Instant.now();
        }
        return devices.size();
    }

    /** True when some device waits for a lookup (the job then starts a run). */
    @Transactional
    public boolean anyDue(Instant now) {
        return !dueDis(1, now).isEmpty();
    }

    /** Summaries of the cached records for these DIs, for device views. */
    @Transactional
    public Map<String, String> summaries(Collection<String> dis) {
        Map<String, String> out = new HashMap<>();
        List<String> list = dis.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!list.isEmpty()) {
            em.createQuery("select r from GudidRecord r where r.di in :dis", GudidRecord.class)
                    .setParameter("dis", list).getResultList()
                    .forEach(r -> out.put(r.di, r.summaryJson));
        }
        return out;
    }

    private List<Device> waiting(String di) {
        return em.createQuery("select d from Device d where d.udiDi = :di and d.gudidStatus in (:pending, :failed)",
                Device.class).setParameter("di", di).setParameter("pending", PENDING).setParameter("failed", FAILED)
                .getResultList();
    }

    private static void done(Device d, String status, String error) {
        d.gudidStatus = status;
        d.gudidError = error;
        d.gudidAttempts = 0;
        d.gudidNextAt = null;
        d.gudidCheckedAt = Instant.now();
    }

    private static String fillIn(String current, String offered, String field, List<String> filled) {
        if ((current == null || current.isBlank()) && offered != null && !offered.isBlank()) {
            filled.add(field);
            return offered;
        }
        return current;
    }
}
