package org.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year of history (PostgreSQL only): every hospital gets a webhook subscription, then a year of match events and
 * delivered webhooks is written straight into the database, as a year of advisories would have left them. The
 * findings and deliveries lists are measured before, with the year in the tables, and after the first retention run
 * (the job started on a second instance with a 5-second schedule; every other instance runs with retention off, so
 * no Quartz trigger of another schedule is stored).
 */
final class HistoryPhase {

    static final String DELIVERIES = "/api/v1/deliveries?size=50";
    private static final int EVENTS_PER_DAY = 5;
    private static final int DELIVERIES_PER_DAY = 2;
    private static final Pattern PURGED = Pattern.compile(
            "retention: deleted (\\d+) match events, (\\d+) deliveries, (\\d+) ingest runs, (\\d+) matching runs in (\\d+) ms");

    private final BenchSettings settings;
    private final LoadPhase load;
    private final BenchDatabase db;
    private final Bench bench;

    HistoryPhase(BenchSettings settings, LoadPhase load, BenchDatabase db, Bench bench) {
        this.settings = settings;
        this.load = load;
        this.db = db;
        this.bench = bench;
    }

    void run(List<BenchClient.Tenant> tenants, BiFunction<String, Map<String, String>, VigilJar> start)
            throws IOException, SQLException, InterruptedException {
        try (VigilJar vigil = start.apply("history", Map.of())) {
            BenchClient client = new BenchClient(vigil.base());
            for (BenchClient.Tenant t : tenants) {   // no advisory arrives in this phase, so nothing is ever sent
                client.post(t.key(), "/api/v1/subscriptions", "application/json", BenchClient.json(Map.of("name",
                        "history", "channel", "WEBHOOK", "url", "http://127.0.0.1:9/history", "eventTypes",
                        List.of("NEW_FINDING"))), 201);
            }
            measure(vigil, "before the history");
            long started = System.nanoTime();
            long[] rows = insertYear();
            bench.figure("history: a year written (" + EVENTS_PER_DAY + " events and " + DELIVERIES_PER_DAY
                    + " delivered webhooks a day per hospital)", String.format("%,d match events + %,d deliveries in %.1f s",
                    rows[0], rows[1], (System.nanoTime() - started) / 1e9), null);
            measure(vigil, "with a year of history");
            try (VigilJar retention = start.apply("retention", Map.of("VIGIL_RETENTION_CRON", "0/5 * * * * ?"))) {
                Matcher m = awaitPurge(retention, Duration.ofMinutes(10));
                bench.figure("history: first retention run (events > 180 d, deliveries > 90 d)", m == null
                        ? "no retention run finished within 10 minutes"
                        : String.format("%,d match events and %,d deliveries deleted in %,d ms", Long.parseLong(m.group(1)),
                                Long.parseLong(m.group(2)), Long.parseLong(m.group(5))), null);
            }
            bench.note(String.format("after retention: %,d match events, %,d deliveries",
                    db.count("SELECT count(*) FROM match_event"), db.count("SELECT count(*) FROM delivery")));
            measure(vigil, "after retention");
        }
    }

    private void measure(VigilJar vigil, String when) throws IOException {
        for (String path : new String[] {LoadPhase.FINDINGS, DELIVERIES}) {
            bench.figure("GET " + path + ", " + settings.connections() + " connections, " + when,
                    load.quick(vigil.base(), path, 10).toString(), "no slower as history grows");
        }
    }

    /** Inserts the year in two statements; returns the rows written (events, deliveries). */
    private long[] insertYear() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long events = s.executeUpdate("INSERT INTO match_event (id, hospital_id, finding_id, device_id, advisory_id,"
                    + " advisory_revision, type, detail, created_at) SELECT gen_random_uuid(), h.id, gen_random_uuid(),"
                    + " gen_random_uuid(), 'ICSMA-HIST-' || (g % 500), '1', 'NEW_FINDING', 'simulated history',"
                    + " now() - g * interval '1 day' / " + EVENTS_PER_DAY + " FROM hospital h"
                    + " CROSS JOIN generate_series(1, " + 365 * EVENTS_PER_DAY + ") g");
            long deliveries = s.executeUpdate("INSERT INTO delivery (id, hospital_id, subscription_id, kind, base_key,"
                    + " idempotency_key, advisory_id, advisory_revision, event_type, items_json, status, attempts,"
                    + " last_status_code, created_at, updated_at, delivered_at) SELECT gen_random_uuid(), s.hospital_id,"
                    + " s.id, 'EVENT', 'history-' || s.id || '-' || g, 'history-' || s.id || '-' || g,"
                    + " 'ICSMA-HIST-' || (g % 500), '1', 'NEW_FINDING', '[]', 'DELIVERED', 1, 204, t.at, t.at, t.at"
                    + " FROM subscription s CROSS JOIN generate_series(1, " + 365 * DELIVERIES_PER_DAY + ") g"
                    + " CROSS JOIN LATERAL (SELECT now() - g * interval '1 day' / " + DELIVERIES_PER_DAY + " AS at) t");
            s.execute("ANALYZE match_event");
            s.execute("ANALYZE delivery");
            return new long[] {events, deliveries};
        }
    }

    /** The first retention line of the instance's log that deleted something, or null at the deadline. */
    private static Matcher awaitPurge(VigilJar vigil, Duration atMost) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            for (String line : Files.readAllLines(vigil.log())) {
                Matcher m = PURGED.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) > 0) {
                    return m;
                }
            }
            Thread.sleep(1000);
        }
        return null;
    }
}
