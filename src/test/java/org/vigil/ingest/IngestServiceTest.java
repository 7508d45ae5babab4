package org.vigil.ingest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

@QuarkusTest
class IngestServiceTest {

    @Inject
    IngestService ingest;
    @Inject
    TestSourceIngestor source;
    @Inject
    SourceLeases leases;
    @Inject
    EntityManager em;
    @Inject
    IngestConfig config;


    private static String id() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void runCountsAndResumesFromTheCursor() {
        String a = id();
        String b = id();
        String bad = id();
        source.script(List.of(a, bad, b), bad, false);
        IngestRun first = ingest.run("test-source", IngestRun.Trigger.FULL_RESYNC);
        assertEquals(IngestRun.Status.PARTIAL, first.status);
        assertEquals(3, first.seen);
        assertEquals(2, first.created);
        assertEquals(1, first.failed);

        String c = id();
        source.publish(c);
        IngestRun second = ingest.run("test-source", IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.SUCCEEDED, second.status);
        assertEquals(1, second.seen, "only the document after the cursor is read");
        assertEquals(1, second.created);

        Api.asOperator().get("/api/v1/sources/test-source/runs/" + first.id).then().statusCode(200)
                .body("status", equalTo("PARTIAL")).body("counts.failed", equalTo(1))
                .body("errors[0].item", equalTo(bad)).body("errors[0].reason", equalTo("malformed document"));
    }

    @Test
    void aRunHeldByAnotherInstanceIsSkippedNotOverlapped() {
        source.script(List.of(id()), null, false);
        assertEquals(true, leases.acquire("test-source", "other-instance"));
        try {
            IngestRun run = ingest.run("test-source", IngestRun.Trigger.SCHEDULED);
            assertEquals(IngestRun.Status.SKIPPED, run.status);
            assertEquals(0, run.seen, "nothing is fetched while another instance holds the source");
        } finally {
            leases.release("test-source", "other-instance");
        }
        assertEquals(IngestRun.Status.SUCCEEDED, ingest.run("test-source", IngestRun.Trigger.SCHEDULED).status);
    }

    @Test
    void outageFailsTheRunVisibly() {
        source.script(List.of(), null, true);
        IngestRun run = ingest.run("test-source", IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.FAILED, run.status);
        Api.asOperator().get("/api/v1/sources").then().statusCode(200)
                .body("find { it.name == 'test-source' }.status", equalTo("FAILED"))
                .body("find { it.name == 'test-source' }.lastError", equalTo("upstream unreachable"));
    }

    @Test
    void operatorStartsARunThroughTheApi() {
        source.script(List.of(id()), null, false);
        String runId = Api.asOperator().post("/api/v1/sources/test-source/runs?full=true").then().statusCode(202)
                .body("trigger", equalTo("FULL_RESYNC")).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Api.asOperator().get("/api/v1/sources/test-source/runs/" + runId).then()
                        .body("status", equalTo("SUCCEEDED")));
        Api.asOperator().get("/api/v1/sources/test-source/runs").then().body("items.id", hasItem(runId))
                .body("page", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void anApiStartedRunWhoseLeaseCannotBeTakenEndsFailedWithASafeReason() {
        source.script(List.of(id()), null, false);
        QuarkusMock.installMockForType(new SourceLeases(em, config) {
            @Override
            public boolean acquire(String s, String owner) {
                throw new PersistenceException("could not execute statement [update source_state set lease_owner=?]");
            }
        }, SourceLeases.class);
        String runId = Api.asOperator().post("/api/v1/sources/test-source/runs").then().statusCode(202)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Api.asOperator().get("/api/v1/sources/test-source/runs/" + runId).then()
                        .body("status", equalTo("FAILED")));
        String message = Api.asOperator().get("/api/v1/sources/test-source/runs/" + runId).then()
                .extract().path("message");
        assertTrue(message.startsWith("the database refused the write (reference "), message);
    }

    @Test
    void aRunThatLostItsLeaseToAnotherInstanceCommitsNothingMore() {
        String a = id();
        String b = id();
        source.script(List.of(a, b), null, false);
        source.beforeCommit(i -> {
            if (i == 1) {
                // This run stalled past its lease; another instance took the source over.
                QuarkusTransaction.requiringNew().run(() -> em.createQuery("update SourceState s set s.leaseOwner = 'other-instance',"
                        + " s.leaseUntil = :until where s.source = 'test-source'")
                        .setParameter("until", Instant.now().plusSeconds(600)).executeUpdate());
            }
        });
        try {
            IngestRun run = ingest.run("test-source", IngestRun.Trigger.FULL_RESYNC);
            assertEquals(IngestRun.Status.FAILED, run.status);
            assertTrue(run.message.contains("another instance took over source test-source"), run.message);
            assertEquals(1, run.created);
            Api.asOperator().get("/api/v1/advisories/" + a).then().statusCode(200);
            Api.asOperator().get("/api/v1/advisories/" + b).then().statusCode(404);
            assertEquals("{\"done\":1}", leases.state("test-source").cursorJson,
                    "the cursor stays where the lease was lost");
        } finally {
            leases.release("test-source", "other-instance");
        }
        source.beforeCommit(i -> { });
        IngestRun next = ingest.run("test-source", IngestRun.Trigger.SCHEDULED);
        assertEquals(1, next.created, "the next run resumes at the document the lost run did not keep");
        Api.asOperator().get("/api/v1/advisories/" + b).then().statusCode(200);
    }

    @Test
    void hospitalsSeeStatusButCannotStartRuns() {
        Api.Tenant t = Api.newHospital("Sources");
        t.call().get("/api/v1/sources").then().statusCode(200).body("name", hasItem("test-source"));
        t.call().post("/api/v1/sources/test-source/runs").then().statusCode(403);
        Api.asOperator().post("/api/v1/sources/nope/runs").then().statusCode(404);
    }
}
