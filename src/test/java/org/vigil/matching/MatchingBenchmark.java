package org.vigil.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.inventory.DeviceInput;
import org.vigil.inventory.DeviceService;

/**
 * 1,000 hospitals × 1,000 synthetic devices against the whole corpus (ICSMA + ICSA of ../shared, ingested through
 * the CSAF source; without ../shared the catalogue is only the synthetic advisories below, and it says so).
 * Prints the time of a full match, of one new advisory, of one new device, and the heap used.
 * Run: ./mvnw -B test -Dtest=MatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx8g
 * Smaller: -Dbench.hospitals=100
 */
@QuarkusTest
@TestProfile(MatchingBenchmark.WholeCorpus.class)
class MatchingBenchmark {

    public static class WholeCorpus implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new DevsetProfile().getConfigOverrides());
            config.put("vigil.sources.cisa-csaf.id-prefixes", "ICSMA,ICSA");
            config.put("quarkus.log.category.\"org.vigil.notification\".level", "WARN");
            return config;
        }
    }

    @Inject
    IngestService ingest;
    @Inject
    MatchingRuns rematch;
    @Inject
    AdvisoryService advisories;
    @Inject
    DeviceService devices;
    @Inject
    DataSource dataSource;

    @Test
    void millionDevices() throws Exception {
        int hospitals = Integer.getInteger("bench.hospitals", 1000);
        int perHospital = Integer.getInteger("bench.devices", 1000);
        long t = System.nanoTime();
        String catalogue;
        if (DevsetFiles.SHARED != null) {
            IngestRun run = ingest.run("cisa-csaf", IngestRun.Trigger.SCHEDULED);
            catalogue = "whole corpus through the CSAF source: " + run.created + " advisories (ICSMA + ICSA), "
                    + String.format("%.1f s", (System.nanoTime() - t) / 1e9);
        } else {
            catalogue = "../shared absent: synthetic advisories only";
        }
        long products = count("SELECT COUNT(*) FROM affected_product");

        t = System.nanoTime();
        List<UUID> hospitalIds = insertInventory(hospitals, perHospital);
        double insertSeconds = (System.nanoTime() - t) / 1e9;

        FullRematch.Summary full = rematch.fullNow();
        long outboxRows = count("SELECT COUNT(*) FROM delivery");
        long subscribed = count("SELECT COUNT(*) FROM subscription WHERE name = 'bench'");
        long subscribedFindings = count("SELECT COUNT(*) FROM finding f WHERE EXISTS (SELECT 1 FROM subscription s"
                + " WHERE s.hospital_id = f.hospital_id AND s.name = 'bench')");

        t = System.nanoTime();
        advisories.upsert(Drafts.csaf("ICSMA-99-900-01", "1", List.of(
                Drafts.product("CSAFPID-0001", "Philips", "IntelliVue MX450", "< L.00"),
                Drafts.product("CSAFPID-0002", "Philips", "IntelliVue MX800", "vers:all/*")), "CVE-2099-0001"));
        double advisoryMillis = (System.nanoTime() - t) / 1e6;
        long advisoryFindings = count("SELECT COUNT(*) FROM finding WHERE advisory_id = 'ICSMA-99-900-01'");

        t = System.nanoTime();
        advisories.upsert(Drafts.csaf("ICSMA-99-900-02", "1", List.of(
                Drafts.product("CSAFPID-0001", "Vandelay Instruments", "Model QX-4242", "vers:all/*")), "CVE-2099-0002"));
        double rareAdvisoryMillis = (System.nanoTime() - t) / 1e6;

        Random r = new Random(7);
        int n = 50;
        t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            SyntheticInventory.Row row = SyntheticInventory.next(r);
            devices.create(hospitalIds.get(r.nextInt(hospitalIds.size())), new DeviceInput("NEW-" + i,
                    row.manufacturer(), row.model(), row.version(), null, row.productCode(), null, 1, "Ward 9", null));
        }
        double deviceMillis = (System.nanoTime() - t) / 1e6 / n;

        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("%n=== Matching benchmark ===%n");
        System.out.printf("catalogue: %s; %d affected-product rows%n", catalogue, products);
        System.out.printf("inventory: %d hospitals × %d devices = %d devices (%d distinct signatures), inserted by JDBC in %.1f s%n",
                hospitals, perHospital, full.devices(), full.distinctDevices(), insertSeconds);
        System.out.printf("full match: %.1f s (term index writes %.1f s; finding, event and notification-outbox writes "
                + "%.1f s): %d findings, %d events%n", full.millis() / 1e3, full.indexMillis() / 1e3,
                full.writeMillis() / 1e3, full.newFindings(), full.events());
        System.out.printf("outbox: %d of %d hospitals subscribed; the full match wrote %d delivery rows for their %d"
                + " findings (one per subscription x advisory)%n", subscribed, hospitals, outboxRows, subscribedFindings);
        System.out.printf("one new advisory for a model in most hospitals (%d findings): %.0f ms; one new advisory for a "
                + "rare model (%d findings): %.0f ms%n", advisoryFindings, advisoryMillis,
                count("SELECT COUNT(*) FROM finding WHERE advisory_id = 'ICSMA-99-900-02'"), rareAdvisoryMillis);
        System.out.printf("one new device (mean of %d DeviceService.create, matched in the same transaction): %.1f ms%n",
                n, deviceMillis);
        System.out.printf("heap used after GC: %d MB (max %d MB)%n", heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        assertTrue(full.devices() >= (long) hospitals * perHospital);
        assertTrue(subscribedFindings == 0 || outboxRows > 0, "subscribed hospitals with findings got outbox rows");
        assertTrue(subscribed > 0, "a share of hospitals subscribed");
        assertTrue(advisoryFindings > 0, "the synthetic inventory has Philips MX450/MX800 monitors");
    }

    /** Share of hospitals with a subscription ({@code -Dbench.subscribed}, default 0.1). */
    static final double SUBSCRIBED_SHARE = Double.parseDouble(System.getProperty("bench.subscribed", "0.1"));

    private List<UUID> insertInventory(int hospitals, int perHospital) throws Exception {
        List<UUID> ids = new ArrayList<>();
        Random r = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO hospital (id, name, contact_email, created_at) VALUES (?, ?, ?, ?)")) {
                for (int h = 0; h < hospitals; h++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    ps.setObject(1, id);
                    ps.setString(2, "Bench hospital " + h);
                    ps.setString(3, "biomed" + h + "@example.org");
                    ps.setTimestamp(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (id, hospital_id, asset_id, manufacturer, "
                    + "model, version, product_code, quantity, location, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (UUID h : ids) {
                    for (int d = 0; d < perHospital; d++) {
                        SyntheticInventory.Row row = SyntheticInventory.next(r);
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, h);
                        ps.setString(3, "A-" + d);
                        ps.setString(4, row.manufacturer());
                        ps.setString(5, row.model());
                        ps.setString(6, row.version().isEmpty() ? null : row.version());
                        ps.setString(7, row.productCode());
                        ps.setInt(8, 1 + r.nextInt(20));
                        ps.setString(9, "Ward " + r.nextInt(12));
                        ps.setTimestamp(10, now);
                        ps.setTimestamp(11, now);
                        ps.addBatch();
                        if (++n % 5000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            // A share of hospitals subscribes (email, every event), so the full match writes real outbox rows.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscription (id, hospital_id, name, channel,"
                    + " email_to, event_types, delivery_mode, heartbeat, enabled, created_at) VALUES (?, ?, 'bench',"
                    + " 'EMAIL', ?, 'NEW_FINDING,FINDING_CHANGED,KEV_ADDED,FINDING_RESOLVED', 'IMMEDIATE', FALSE, TRUE, ?)")) {
                int every = Math.max(1, (int) Math.round(1 / SUBSCRIBED_SHARE));
                for (int h = 0; h < ids.size(); h += every) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, ids.get(h));
                    ps.setString(3, "biomed" + h + "@example.org");
                    ps.setTimestamp(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return ids;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
