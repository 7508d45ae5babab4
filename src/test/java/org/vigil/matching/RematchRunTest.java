package org.vigil.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.support.Api;

/**
 * The full re-match as a background run (issue 10, items 1 and 2): 202 and a run record, safe next to an ingest,
 * exclusive across instances, resumable after its instance died. Small batches, so a run spans many transactions.
 */
@QuarkusTest
@TestProfile(RematchRunTest.SmallBatches.class)
class RematchRunTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.matching.rematch-batch-size", "100", "vigil.matching.rematch-lease", "5S");
        }
    }

    static final int MODELS = 10;
    static final int PER_MODEL = 120;

    @Inject
    AdvisoryService advisories;
    @Inject
    MatchingRuns runs;
    @Inject
    EntityManager em;

    /** A hospital with PER_MODEL devices of each of MODELS models, imported in one CSV, subscribed by email. */
    private static Api.Tenant inventory(String maker, String prefix) {
        Api.Tenant t = Api.newHospital("Rematch " + prefix);
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "emails", List.of("r-" + t.id() + "@example.org")))
                .post("/api/v1/subscriptions").then().statusCode(201);
        StringBuilder csv = new StringBuilder("asset_id,manufacturer,model,version\n");
        for (int m = 0; m < MODELS; m++) {
            for (int i = 0; i < PER_MODEL; i++) {
                csv.append(prefix).append(m).append('-').append(i).append(',').append(maker).append(',')
                        .append(prefix).append(1000 + m).append(",1.0\n");
            }
        }
        t.call().contentType("text/csv").body(csv.toString()).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(MODELS * PER_MODEL));
        return t;
    }

    private static String status(String runId) {
        return Api.asOperator().get("/api/v1/matching/runs/" + runId).then().statusCode(200).extract().path("status");
    }

    private static void awaitSucceeded(String runId) {
        await().atMost(Duration.ofSeconds(120)).until(() -> List.of("SUCCEEDED", "FAILED").contains(status(runId)));
        assertEquals("SUCCEEDED", status(runId));
    }

    @Test
    void anIngestDuringARematchKeepsItsFindingsAndNoOneHearsResolved() throws Exception {
        Api.Tenant t = inventory("Umbrella Biomed", "UX");
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < MODELS; m++) {
            ids.add("ICSMA-98-" + (100 + m) + "-" + UUID.randomUUID().toString().substring(0, 4));
        }
        // The ingest: one advisory per model while the re-match works through the devices, batch by batch.
        CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> {
            for (int m = 0; m < MODELS; m++) {
                advisories.upsert(Drafts.csaf(ids.get(m), "1", List.of(
                        Drafts.product("CSAFPID-0001", "Umbrella Biomed", "UX" + (1000 + m), "vers:all/*"))));
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        String runId = Api.asOperator().post("/api/v1/matching/rematch").then().statusCode(202)
                .body("status", equalTo("QUEUED")).extract().path("id");
        ingest.get();
        awaitSucceeded(runId);

        for (String id : ids) {
            t.call().get("/api/v1/findings?advisoryId=" + id + "&size=500").then()
                    .body("total", equalTo(PER_MODEL)).body("items.findAll { it.state != 'OPEN' }.size()", equalTo(0));
        }
        t.call().get("/api/v1/findings?state=RESOLVED").then().body("total", equalTo(0));
        t.call().get("/api/v1/deliveries?size=500").then()
                .body("items.findAll { it.eventType == 'FINDING_RESOLVED' }.size()", equalTo(0))
                .body("items.findAll { it.eventType == 'NEW_FINDING' }.size()", equalTo(MODELS));
    }

    @Test
    void aRunWhoseInstanceDiedIsResumedAfterItsCursor() {
        Api.Tenant t = inventory("Cyberdyne Medical", "CX");
        String id = "ICSMA-98-200-" + UUID.randomUUID().toString().substring(0, 4);
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Cyberdyne Medical", "CX1003", "vers:all/*"))));
        // A run another instance started and then died in: RUNNING, its cursor half way, its lease expired.
        UUID cursor = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> all = em.createQuery("select d.id from Device d order by d.id", UUID.class).getResultList();
            return all.get(all.size() / 2);
        });
        long after = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(d) from Device d where d.id > :c", Long.class).setParameter("c", cursor).getSingleResult());
        UUID runId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO matching_run (id, kind, status, reason, cursor_device, devices_count, new_count,"
                    + " changed_count, resolved_count, events_count, attempts, created_at, started_at) VALUES (?1, 'FULL',"
                    + " 'RUNNING', 'operator request', ?2, 0, 0, 0, 0, 0, 1, ?3, ?3)").setParameter(1, runId)
                    .setParameter(2, cursor).setParameter(3, Instant.now().minusSeconds(600)).executeUpdate();
            em.createNativeQuery("UPDATE matching_lease SET owner = 'dead-instance', lease_until = ?1, run_id = ?2 WHERE id = 1")
                    .setParameter(1, Instant.now().minusSeconds(60)).setParameter(2, runId).executeUpdate();
        });

        runs.kick();   // what RematchJob does on every instance
        awaitSucceeded(runId.toString());
        Api.asOperator().get("/api/v1/matching/runs/" + runId).then().body("attempts", equalTo(2))
                .body("counts.devices", equalTo((int) after));
        t.call().get("/api/v1/findings?advisoryId=" + id).then().body("total", equalTo(PER_MODEL));
    }

    @Test
    void twoRematchesNeverOverlap() {
        String first = Api.asOperator().post("/api/v1/matching/rematch").then().statusCode(202).extract().path("id");
        String second = Api.asOperator().post("/api/v1/matching/rematch").then().statusCode(202).extract().path("id");
        awaitSucceeded(first);
        awaitSucceeded(second);
        Instant firstEnded = Instant.parse(Api.asOperator().get("/api/v1/matching/runs/" + first).path("finishedAt"));
        Instant secondStarted = Instant.parse(Api.asOperator().get("/api/v1/matching/runs/" + second).path("startedAt"));
        assertTrue(!secondStarted.isBefore(firstEnded), "one re-match at a time: " + firstEnded + " / " + secondStarted);
        List<Map<String, Object>> recent = Api.asOperator().get("/api/v1/matching/runs").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertTrue(recent.stream().anyMatch(r -> r.get("id").equals(second)));
        Api.newHospital("Not operator").call().get("/api/v1/matching/runs/" + first).then().statusCode(403);
    }
}
