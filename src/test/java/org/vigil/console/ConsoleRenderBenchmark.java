package org.vigil.console;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.Severity;
import org.vigil.notification.MatchFixture;
import org.vigil.support.Api;

/**
 * Render time of the console's pages for a hospital with 10,000 findings (100 advisories × 100 devices), through
 * HTTP as a browser asks for them, signed in. Prints p50 / p95 / max per page; not part of the normal run:
 * {@code ./mvnw test -Dtest=ConsoleRenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class ConsoleRenderBenchmark {

    private static final int ADVISORIES = 100;
    private static final int DEVICES = 100;
    private static final int RUNS = 40;

    @Inject
    AdvisoryService advisories;
    @Inject
    DataSource dataSource;

    @Test
    void pagesRenderWith10000Findings() throws Exception {
        Api.Tenant t = Api.newHospital("Render benchmark");
        StringBuilder csv = new StringBuilder("asset_id,manufacturer,model,version,location\n");
        for (int d = 0; d < DEVICES; d++) {
            csv.append("R-").append(d).append(",Acme Biomedical,Model ").append(d).append(",1.").append(d).append(",Ward ")
                    .append(d % 9).append('\n');
        }
        t.call().contentType("text/csv").body(csv.toString()).post("/api/v1/devices/import").then().statusCode(200);
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < ADVISORIES; a++) {
            String id = "ICSMA-98-" + String.format("%03d", a) + "-" + UUID.randomUUID().toString().substring(0, 4);
            ids.add(id);
            var draft = MatchFixture.cms8000(id, "1", Severity.values()[a % 4], 5 + a % 5, "Benchmark advisory " + a);
            QuarkusTransaction.requiringNew().run(() -> advisories.upsert(draft));
        }
        List<UUID> devices = new ArrayList<>();
        Api.as(t.key()).queryParam("size", 500).get("/api/v1/devices").then().extract().<List<String>>path("items.id")
                .forEach(d -> devices.add(UUID.fromString(d)));
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO finding"
                + " (id, hospital_id, device_id, advisory_id, confidence, reasons_json, needs_review, state,"
                + " advisory_revision, first_seen, last_seen, triaged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '1', ?, ?, ?)")) {
            int n = 0;
            for (String a : ids) {
                for (UUID d : devices) {
                    String[] states = {"OPEN", "OPEN", "OPEN", "ACKNOWLEDGED", "MITIGATED", "RESOLVED"};
                    String state = states[n % states.length];
                    Instant first = now.minus(Duration.ofHours(n % (24 * 120)));
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, t.id());
                    ps.setObject(3, d);
                    ps.setString(4, a);
                    ps.setString(5, n % 3 == 0 ? "CONFIRMED" : n % 3 == 1 ? "LIKELY" : "POSSIBLE");
                    ps.setString(6, "[\"manufacturer 'Acme Biomedical' = vendor 'Contec Health' (alias)\"]");
                    ps.setBoolean(7, n % 3 == 2);
                    ps.setString(8, state);
                    ps.setTimestamp(9, Timestamp.from(first));
                    ps.setTimestamp(10, Timestamp.from(first.plus(Duration.ofHours(1))));
                    ps.setTimestamp(11, state.equals("OPEN") ? null : Timestamp.from(first.plus(Duration.ofDays(2))));
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        long total = Api.as(t.key()).get("/api/v1/findings?size=1").then().extract().<Integer>path("total");
        ConsoleForms browser = new ConsoleForms().signIn(t.key());
        String finding = Api.as(t.key()).get("/api/v1/findings?size=1").then().extract().path("items[0].id");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/ui/");
        pages.put("findings", "/ui/findings");
        pages.put("findings page 100", "/ui/findings?page=100");
        pages.put("findings by severity", "/ui/findings?sort=-severity");
        pages.put("findings searched", "/ui/findings?q=ward%203&state=OPEN");
        pages.put("one finding", "/ui/findings/" + finding);
        pages.put("devices", "/ui/devices");
        pages.put("one device", "/ui/devices/" + devices.get(0));
        System.out.printf("%nConsole render times, hospital with %d findings (%d runs each after %d warm-ups)%n", total,
                RUNS, RUNS / 2);
        for (var page : pages.entrySet()) {
            long[] ms = new long[RUNS];
            for (int i = 0; i < RUNS + RUNS / 2; i++) {
                long start = System.nanoTime();
                given().cookies(browser.cookies).get(page.getValue()).then().statusCode(200);
                if (i >= RUNS / 2) {
                    ms[i - RUNS / 2] = (System.nanoTime() - start) / 1_000_000;
                }
            }
            Arrays.sort(ms);
            System.out.printf("  %-22s p50 %4d ms   p95 %4d ms   max %4d ms%n", page.getKey(), ms[RUNS / 2],
                    ms[(int) (RUNS * 0.95) - 1], ms[RUNS - 1]);
        }
        System.out.printf("  load average %s%n%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }
}
