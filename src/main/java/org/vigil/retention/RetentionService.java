package org.vigil.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.vigil.db.TableStatistics;

/**
 * Deletes history that would otherwise grow without bound: match events, finished deliveries and finished ingest and
 * matching runs. Each kind is deleted in batches of {@code vigil.retention.batch-size} rows, one transaction per
 * batch, selected through an index on its time column, so a first run over years of history neither holds long
 * locks nor scans the tables.
 *
 * <p>What stays whatever its age: findings and their history (this never touches them); deliveries still to be sent
 * (PENDING, SENDING) or waiting for their digest (QUEUED); the events of a digest that is itself kept (a DEAD digest
 * can be redelivered and is composed from them); runs still open (QUEUED, RUNNING), the last run of each source
 * (shown by the sources status), the run holding the matching lease, and the newest {@code vigil.retention.runs-keep}
 * finished runs of each source and each re-match kind.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final EntityManager em;
    private final TableStatistics statistics;
    private final Optional<Duration> events;
    private final Optional<Duration> deliveries;
    private final Optional<Duration> runs;
    private final int runsKeep;
    private final int batch;

    public RetentionService(EntityManager em, TableStatistics statistics, RetentionConfig config) {
        this.em = em;
        this.statistics = statistics;
        this.events = age("vigil.retention.events", config.events());
        this.deliveries = age("vigil.retention.deliveries", config.deliveries());
        this.runs = age("vigil.retention.runs", config.runs());
        if (config.batchSize() < 1 || config.runsKeep() < 0) {
            throw new IllegalArgumentException("vigil.retention.batch-size must be at least 1 and"
                    + " vigil.retention.runs-keep at least 0");
        }
        this.runsKeep = config.runsKeep();
        this.batch = config.batchSize();
    }

    /** A wrong value stops Vigil at start, not at 3 a.m. on the first run. */
    void validate(@Observes StartupEvent start) {
        LOG.debugf("retention: events %s, deliveries %s, runs %s", events, deliveries, runs);
    }

    /** What one run deleted. */
    public record Purged(long events, long deliveries, long ingestRuns, long matchingRuns) {
        public long total() {
            return events + deliveries + ingestRuns + matchingRuns;
        }
    }

    /** Deletes everything past its retention as of {@code now}; kinds set to "off" are left alone. */
    public Purged purge(Instant now) {
        long started = System.nanoTime();
        long e = events.map(age -> batches(cutoff -> deleteEvents(cutoff), now.minus(age))).orElse(0L);
        long d = deliveries.map(age -> batches(cutoff -> deleteDeliveries("DELIVERED", cutoff), now.minus(age))
                + batches(cutoff -> deleteDeliveries("DEAD", cutoff), now.minus(age))).orElse(0L);
        long i = runs.map(age -> finishedRuns(INGEST_RUNS, now.minus(age))).orElse(0L);
        long m = runs.map(age -> finishedRuns(MATCHING_RUNS, now.minus(age))).orElse(0L);
        Purged purged = new Purged(e, d, i, m);
        if (purged.total() > 0) {
            statistics.refreshSoon();
        }
        LOG.infof("retention: deleted %d match events, %d deliveries, %d ingest runs, %d matching runs in %d ms",
                e, d, i, m, (System.nanoTime() - started) / 1_000_000);
        return purged;
    }

    /** One batch: the rows it deleted, and whether it selected a full batch (then there may be more). */
    private record Batch(int deleted, boolean full) {
    }

    /** Runs one delete per transaction until a batch comes back short. */
    private long batches(Function<Instant, Batch> delete, Instant cutoff) {
        long total = 0;
        while (true) {
            Batch b = QuarkusTransaction.requiringNew().call(() -> delete.apply(cutoff));
            total += b.deleted();
            if (!b.full()) {
                return total;
            }
        }
    }

    /** Deletes the rows whose ids the select (oldest first, at most a batch) found: the small run tables. */
    @SuppressWarnings("unchecked")
    private Batch deleteSelected(String table, jakarta.persistence.Query select) {
        List<UUID> ids = select.getResultList();
        if (ids.isEmpty()) {
            return new Batch(0, false);
        }
        int deleted = em.createNativeQuery("DELETE FROM " + table + " WHERE id IN (?1)").setParameter(1, ids)
                .executeUpdate();
        return new Batch(deleted, ids.size() == batch);
    }

    private String first() {
        return " FETCH FIRST " + batch + " ROWS ONLY";
    }

    /**
     * The time of the batch-th oldest row of an ordered time range, or null when the range holds fewer rows: the
     * batch is then that range up to and including this time (a few more rows when several share it). A range of the
     * time index, because PostgreSQL deletes a list of thousands of ids, or {@code id IN (SELECT …)}, by scanning the
     * whole table.
     */
    @SuppressWarnings("unchecked")
    private Instant batchEnd(String oldestFirst, Object... parameters) {
        jakarta.persistence.Query q = em.createNativeQuery(oldestFirst + " OFFSET " + (batch - 1)
                + " ROWS FETCH FIRST 1 ROWS ONLY");
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        List<Object> row = q.getResultList();
        return row.isEmpty() ? null : instant(row.get(0));
    }

    // Nothing references match_event (no foreign key, no reader but the audit): notifications were written to the
    // outbox in the transaction that recorded the event, and the finding keeps its own state and history.
    private Batch deleteEvents(Instant cutoff) {
        Instant end = batchEnd("SELECT created_at FROM match_event WHERE created_at < ?1 ORDER BY created_at", cutoff);
        int deleted = em.createNativeQuery("DELETE FROM match_event WHERE created_at < ?1 AND created_at <= ?2")
                .setParameter(1, cutoff).setParameter(2, end == null ? cutoff : end).executeUpdate();
        return new Batch(deleted, end != null);
    }

    // One status at a time, so each batch is one range of ix_delivery_finished (status, updated_at).
    // A DIGEST delivery is composed from its DIGESTED event rows (also when redelivered), so these go only with it:
    // after the digests of the batch, the events of those really gone (a DEAD digest redelivered meanwhile is
    // PENDING again and stays, and with it its events).
    @SuppressWarnings("unchecked")
    private Batch deleteDeliveries(String status, Instant cutoff) {
        Instant found = batchEnd("SELECT updated_at FROM delivery WHERE status = ?1 AND updated_at < ?2"
                + " ORDER BY updated_at", status, cutoff);
        Instant end = found == null ? cutoff : found;
        List<UUID> digests = em.createNativeQuery("SELECT id FROM delivery WHERE status = ?1 AND updated_at < ?2"
                        + " AND updated_at <= ?3 AND kind = 'DIGEST'", UUID.class)
                .setParameter(1, status).setParameter(2, cutoff).setParameter(3, end).getResultList();
        int deleted = em.createNativeQuery("DELETE FROM delivery WHERE status = ?1 AND updated_at < ?2"
                        + " AND updated_at <= ?3").setParameter(1, status).setParameter(2, cutoff).setParameter(3, end)
                .executeUpdate();
        if (!digests.isEmpty()) {
            deleted += em.createNativeQuery("DELETE FROM delivery WHERE status = 'DIGESTED' AND digest_id IN (?1)"
                            + " AND NOT EXISTS (SELECT 1 FROM delivery g WHERE g.id = delivery.digest_id)")
                    .setParameter(1, digests).executeUpdate();
        }
        return new Batch(deleted, found != null);
    }

    /**
     * A run table: its grouping column (each group keeps its newest runs), its time column, the finished statuses,
     * and the condition under which a run is still referenced and must stay.
     */
    private record RunTable(String table, String group, String time, String finished, String referenced) {
    }

    private static final RunTable INGEST_RUNS = new RunTable("ingest_run", "source", "started_at",
            "('SUCCEEDED', 'PARTIAL', 'FAILED', 'SKIPPED')", "SELECT 1 FROM source_state s WHERE s.last_run_id = r.id");
    private static final RunTable MATCHING_RUNS = new RunTable("matching_run", "kind", "created_at",
            "('SUCCEEDED', 'FAILED')", "SELECT 1 FROM matching_lease l WHERE l.run_id = r.id");

    // Per source (per re-match kind): the cutoff is moved back to the start of its runs-keep-th newest finished run,
    // so those stay. One range of the (group, time) index per batch, instead of counting newer runs for every candidate.
    private long finishedRuns(RunTable t, Instant cutoff) {
        long total = 0;
        for (String group : QuarkusTransaction.requiringNew().call(() -> strings(
                "SELECT DISTINCT " + t.group() + " FROM " + t.table() + " WHERE status IN " + t.finished()))) {
            Instant kept = QuarkusTransaction.requiringNew().call(() -> keepFrom(
                    "SELECT " + t.time() + " FROM " + t.table() + " WHERE " + t.group() + " = ?1 AND status IN "
                            + t.finished() + " ORDER BY " + t.time() + " DESC", group, cutoff));
            if (kept == null) {
                continue;
            }
            total += batches(c -> deleteSelected(t.table(), em.createNativeQuery("SELECT r.id FROM " + t.table() + " r"
                            + " WHERE r." + t.group() + " = ?1 AND r." + t.time() + " < ?2 AND r.status IN " + t.finished()
                            + " AND NOT EXISTS (" + t.referenced() + ") ORDER BY r." + t.time() + first(), UUID.class)
                    .setParameter(1, group).setParameter(2, c)), kept);
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return em.createNativeQuery(sql, String.class).getResultList();
    }

    /**
     * The earlier of the age cutoff and the time of the runs-keep-th newest run (runs at that time stay too); null
     * when there are no more than runs-keep runs.
     */
    @SuppressWarnings("unchecked")
    private Instant keepFrom(String newestFirst, String key, Instant cutoff) {
        if (runsKeep == 0) {
            return cutoff;
        }
        List<Object> nth = em.createNativeQuery(newestFirst + " OFFSET " + (runsKeep - 1) + " ROWS FETCH FIRST 1 ROWS ONLY")
                .setParameter(1, key).getResultList();
        if (nth.isEmpty()) {
            return null;   // fewer than runs-keep finished runs: all stay
        }
        Instant at = instant(nth.get(0));
        return at.isBefore(cutoff) ? at : cutoff;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }

    /** "off" (or "none", "0") disables a kind; anything else is a Quarkus duration: 180d, 4320h, P180D. */
    static Optional<Duration> age(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("none") || v.equals("0")) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = DurationConverter.parseDuration(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 180d or \"off\", not " + value);
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration such as 180d or \"off\", not " + value);
        }
        return Optional.of(d);
    }
}
