package org.vigil.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention with the default keys (180d events, 90d deliveries and runs, 20 newest runs kept): exactly the old,
 * finished rows go; what is still to be sent, still running, or recent stays.
 */
@QuarkusTest
class RetentionTest {

    static final Instant NOW = Instant.now();
    static final Instant OLD = NOW.minus(Duration.ofDays(200));
    static final Instant RECENT = NOW.minus(Duration.ofDays(10));

    @Inject
    DataSource dataSource;
    @Inject
    RetentionService retention;

    final Rows rows = new Rows();

    @AfterEach
    void cleanUp() throws SQLException {
        rows.deleteAll(dataSource);
    }

    @Test
    void oldEventsGoAndRecentOnesStay() throws SQLException {
        UUID hospital = rows.hospital(dataSource);
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 7; i++) {   // several batches (tests use batches of 3), two events at one instant
            old.add(rows.event(dataSource, hospital, OLD.plus(Duration.ofHours(i == 4 ? 3 : i))));
        }
        UUID atTheEdge = rows.event(dataSource, hospital, NOW.minus(Duration.ofDays(179)));
        UUID recent = rows.event(dataSource, hospital, RECENT);
        List<UUID> all = new ArrayList<>(old);
        all.addAll(List.of(atTheEdge, recent));

        retention.purge(NOW);

        assertEquals(Set.of(atTheEdge, recent), rows.present(dataSource, "match_event", all));
    }

    @Test
    void onlyFinishedDeliveriesPastTheirRetentionGo() throws SQLException {
        UUID hospital = rows.hospital(dataSource);
        UUID subscription = rows.subscription(dataSource, hospital);
        UUID delivered = rows.delivery(dataSource, hospital, subscription, "EVENT", "DELIVERED", OLD, null);
        UUID dead = rows.delivery(dataSource, hospital, subscription, "EVENT", "DEAD", OLD, null);
        List<UUID> moreDelivered = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            moreDelivered.add(rows.delivery(dataSource, hospital, subscription, "EVENT", "DELIVERED",
                    OLD.plus(Duration.ofMinutes(i)), null));
        }
        UUID pending = rows.delivery(dataSource, hospital, subscription, "EVENT", "PENDING", OLD, null);
        UUID sending = rows.delivery(dataSource, hospital, subscription, "EVENT", "SENDING", OLD, null);
        UUID queued = rows.delivery(dataSource, hospital, subscription, "EVENT", "QUEUED", OLD, null);
        UUID recentlyDelivered = rows.delivery(dataSource, hospital, subscription, "EVENT", "DELIVERED", RECENT, null);
        // An old digest that went out takes its events along; a recent one (or a DEAD one redelivered, PENDING
        // again) keeps them however old they are, since the digest is composed from them.
        UUID oldDigest = rows.delivery(dataSource, hospital, subscription, "DIGEST", "DELIVERED", OLD, null);
        UUID oldDigestEvent = rows.delivery(dataSource, hospital, subscription, "EVENT", "DIGESTED", OLD, oldDigest);
        UUID recentDigest = rows.delivery(dataSource, hospital, subscription, "DIGEST", "DELIVERED", RECENT, null);
        UUID keptDigestEvent = rows.delivery(dataSource, hospital, subscription, "EVENT", "DIGESTED", OLD, recentDigest);
        UUID redelivered = rows.delivery(dataSource, hospital, subscription, "DIGEST", "PENDING", OLD, null);
        UUID redeliveredEvent = rows.delivery(dataSource, hospital, subscription, "EVENT", "DIGESTED", OLD, redelivered);

        RetentionService.Purged purged = retention.purge(NOW);

        List<UUID> all = new ArrayList<>(moreDelivered);
        all.addAll(List.of(delivered, dead, pending, sending, queued, recentlyDelivered, oldDigest, oldDigestEvent,
                recentDigest, keptDigestEvent, redelivered, redeliveredEvent));
        assertEquals(Set.of(pending, sending, queued, recentlyDelivered, recentDigest, keptDigestEvent, redelivered,
                redeliveredEvent), rows.present(dataSource, "delivery", all));
        assertTrue(purged.deliveries() >= 9, "deleted " + purged);
    }

    @Test
    void oldFinishedIngestRunsGoButTheNewestTwentyOpenOnesAndTheLastRunStay() throws SQLException {
        String source = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> finished = new ArrayList<>();
        for (int i = 0; i < 25; i++) {   // oldest first, one day apart, all past the 90 days
            finished.add(rows.ingestRun(dataSource, source, "SUCCEEDED", OLD.plus(Duration.ofDays(i))));
        }
        UUID recent = rows.ingestRun(dataSource, source, "FAILED", RECENT);
        UUID running = rows.ingestRun(dataSource, source, "RUNNING", OLD.minus(Duration.ofDays(1)));
        UUID last = rows.ingestRun(dataSource, source, "PARTIAL", OLD.minus(Duration.ofDays(2)));
        rows.sourceState(dataSource, source, last);

        retention.purge(NOW);

        // The recent run and the newest 19 old ones are the 20 kept; the six oldest go.
        Set<UUID> expected = new HashSet<>(finished.subList(6, 25));
        expected.addAll(List.of(recent, running, last));
        List<UUID> all = new ArrayList<>(finished);
        all.addAll(List.of(recent, running, last));
        assertEquals(expected, rows.present(dataSource, "ingest_run", all));
    }

    @Test
    void oldFinishedMatchingRunsGoButTheNewestTwentyAndOpenOnesStay() throws SQLException {
        long others = rows.count(dataSource, "SELECT COUNT(*) FROM matching_run WHERE kind = 'COMPANY'"
                + " AND status IN ('SUCCEEDED', 'FAILED')");
        List<UUID> finished = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            finished.add(rows.matchingRun(dataSource, i % 2 == 0 ? "SUCCEEDED" : "FAILED", OLD.plus(Duration.ofDays(i))));
        }
        UUID queued = rows.matchingRun(dataSource, "QUEUED", OLD.minus(Duration.ofDays(1)));

        retention.purge(NOW);

        // The runs other tests left are newer than these and count towards the 20 kept.
        int kept = (int) Math.max(0, Math.min(25, 20 - others));
        Set<UUID> expected = new HashSet<>(finished.subList(25 - kept, 25));
        expected.add(queued);
        List<UUID> all = new ArrayList<>(finished);
        all.add(queued);
        assertEquals(expected, rows.present(dataSource, "matching_run", all));
    }

    /** Rows written with plain JDBC, as the history of years would be, and removed again after each test. */
    static final class Rows {
        private final List<String[]> written = new ArrayList<>();

        UUID hospital(DataSource ds) throws SQLException {
            UUID id = UUID.randomUUID();
            insert(ds, "hospital", id, "INSERT INTO hospital (id, name, created_at) VALUES (?, ?, ?)",
                    id, "Retention " + id, at(OLD));
            return id;
        }

        UUID subscription(DataSource ds, UUID hospital) throws SQLException {
            UUID id = UUID.randomUUID();
            insert(ds, "subscription", id, "INSERT INTO subscription (id, hospital_id, channel, webhook_url, event_types,"
                            + " delivery_mode, heartbeat, enabled, created_at) VALUES (?, ?, 'WEBHOOK', ?, 'NEW_FINDING',"
                            + " 'IMMEDIATE', FALSE, FALSE, ?)",
                    id, hospital, "https://example.invalid/hook", at(OLD));
            return id;
        }

        UUID event(DataSource ds, UUID hospital, Instant created) throws SQLException {
            UUID id = UUID.randomUUID();
            insert(ds, "match_event", id, "INSERT INTO match_event (id, hospital_id, finding_id, device_id, advisory_id,"
                            + " type, created_at) VALUES (?, ?, ?, ?, 'ICSMA-00-000-00', 'NEW_FINDING', ?)",
                    id, hospital, UUID.randomUUID(), UUID.randomUUID(), at(created));
            return id;
        }

        UUID delivery(DataSource ds, UUID hospital, UUID subscription, String kind, String status, Instant changed,
                UUID digest) throws SQLException {
            UUID id = UUID.randomUUID();
            insert(ds, "delivery", id, "INSERT INTO delivery (id, hospital_id, subscription_id, kind, base_key,"
                            + " idempotency_key, status, attempts, digest_id, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    id, hospital, subscription, kind, "retention|" + id, "retention|" + id, status, digest, at(changed),
                    at(changed));
            return id;
        }

        UUID ingestRun(DataSource ds, String source, String status, Instant started) throws SQLException {
            UUID id = UUID.randomUUID();
            insert(ds, "ingest_run", id, "INSERT INTO ingest_run (id, source, status, run_trigger, started_at, finished_at)"
                    + " VALUES (?, ?, ?, 'SCHEDULED', ?, ?)", id, source, status, at(started), at(started));
            return id;
        }

        void sourceState(DataSource ds, String source, UUID lastRun) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO source_state (source, last_run_id) VALUES (?, ?)")) {
                ps.setString(1, source);
                ps.setObject(2, lastRun);
                ps.executeUpdate();
            }
            written.add(new String[] {"source_state", "source", source});
        }

        UUID matchingRun(DataSource ds, String status, Instant created) throws SQLException {
            UUID id = UUID.randomUUID();
            insert(ds, "matching_run", id, "INSERT INTO matching_run (id, kind, status, devices_count, new_count,"
                            + " changed_count, resolved_count, events_count, attempts, created_at)"
                            + " VALUES (?, 'COMPANY', ?, 0, 0, 0, 0, 0, 0, ?)", id, status, at(created));
            return id;
        }

        Set<UUID> present(DataSource ds, String table, List<UUID> ids) throws SQLException {
            Set<UUID> found = new HashSet<>();
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id = ?")) {
                for (UUID id : ids) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 1) {
                            found.add(id);
                        }
                    }
                }
            }
            return found;
        }

        long count(DataSource ds, String sql) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Children first: deliveries before subscriptions before hospitals. */
        void deleteAll(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection()) {
                for (int i = written.size() - 1; i >= 0; i--) {
                    String[] w = written.get(i);
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + w[0] + " WHERE " + w[1] + " = ?")) {
                        ps.setObject(1, w[1].equals("id") ? UUID.fromString(w[2]) : w[2]);
                        ps.executeUpdate();
                    }
                }
            }
            written.clear();
        }

        private void insert(DataSource ds, String table, UUID id, String sql, Object... values) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
            written.add(new String[] {table, "id", id.toString()});
        }

        private static OffsetDateTime at(Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }
}
