package org.vigil.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.index.CatalogReader;

/** What a re-match batch does to its run, inside the batch's own transaction: fence, lock, record progress. */
@ApplicationScoped
public class RunProgress {

    private final EntityManager em;
    private final MatchingLease lease;
    private final CatalogReader reader;

    public RunProgress(EntityManager em, MatchingLease lease, CatalogReader reader) {
        this.em = em;
        this.lease = lease;
        this.reader = reader;
    }

    /** Renews the lease for this batch, or throws {@link MatchingLease.Lost}: another instance runs it now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fence(UUID runId) {
        if (!lease.renew(runId)) {
            throw new MatchingLease.Lost();
        }
    }

    /**
     * Locks these advisories until the transaction ends and returns those whose content is still the one the run
     * read ({@code hashes}); an advisory revised or removed since is left to its own change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> lockUnchanged(Collection<String> advisoryIds, Map<String, String> hashes) {
        Set<String> unchanged = new HashSet<>();
        for (List<String> chunk : CatalogReader.chunks(new java.util.TreeSet<>(advisoryIds))) {
            // Sorted, so two lockers of overlapping sets never wait for each other in a circle.
            reader.query("SELECT id, content_hash FROM advisory WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                    CatalogReader.texts(chunk), rs -> {
                        String known = hashes.get(rs.getString(1));
                        if (known != null && known.equals(String.valueOf(rs.getString(2)))) {
                            unchanged.add(rs.getString(1));
                        }
                    });
        }
        return unchanged;
    }

    /** Locks these advisories until the transaction ends; returns those that exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> lock(Collection<String> advisoryIds) {
        Set<String> present = new HashSet<>();
        for (List<String> chunk : CatalogReader.chunks(new java.util.TreeSet<>(advisoryIds))) {
            reader.query("SELECT id FROM advisory WHERE id = ANY(?) ORDER BY id FOR UPDATE", CatalogReader.texts(chunk),
                    rs -> present.add(rs.getString(1)));
        }
        return present;
    }

    /** Moves the run's cursor past a committed batch and adds its counts (from the batch's events). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(UUID runId, UUID cursor, int devices, List<MatchEvent> events) {
        long created = events.stream().filter(e -> e.type == MatchEventType.NEW_FINDING).count();
        long changed = events.stream().filter(e -> e.type == MatchEventType.FINDING_CHANGED).count();
        long resolved = events.stream().filter(e -> e.type == MatchEventType.FINDING_RESOLVED).count();
        em.createQuery("update MatchingRun r set r.cursorDevice = :cursor, r.devices = r.devices + :devices,"
                        + " r.newFindings = r.newFindings + :created, r.changedFindings = r.changedFindings + :changed,"
                        + " r.resolvedFindings = r.resolvedFindings + :resolved, r.events = r.events + :events"
                        + " where r.id = :id")
                .setParameter("cursor", cursor).setParameter("devices", (long) devices)
                .setParameter("created", created).setParameter("changed", changed).setParameter("resolved", resolved)
                .setParameter("events", (long) events.size()).setParameter("id", runId).executeUpdate();
    }
}
