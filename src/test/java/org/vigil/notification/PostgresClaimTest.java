package org.vigil.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vigil.notification.MatchFixture.cms8000;
import static org.vigil.notification.MatchFixture.device;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.notification.outbox.DeliveryClaims;
import org.vigil.notification.outbox.Dispatcher;
import org.vigil.support.Api;
import org.vigil.support.Api.Tenant;

/**
 * PostgreSQL only (skipped on H2): a second instance's claim passes over rows another instance holds locked
 * ({@code FOR UPDATE SKIP LOCKED}) instead of waiting for them. Run with {@code -Dquarkus.test.profile=test,pg}.
 */
@QuarkusTest
class PostgresClaimTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;
    @Inject
    MatchFixture matching;
    @Inject
    DeliveryClaims claims;
    @Inject
    Dispatcher dispatcher;
    @Inject
    EntityManager em;

    @Test
    void claimSkipsRowsLockedByAnotherInstance() throws Exception {
        assumeTrue(dbKind.startsWith("postgres"), "PostgreSQL only: H2 has no SKIP LOCKED and uses the conditional claim");
        Tenant t = Api.newHospital("Skip locked");
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "emails", List.of("pg@example.org")))
                .post("/api/v1/subscriptions").then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            String id = MatchFixture.advisoryId();
            matching.upsert(cms8000(id, "1", Severity.HIGH, 8.0, "Contec CMS8000"));
            matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                    List.of(device(t.key(), "CMS8000", "1", "A", 1)));
        }
        List<String> ids = t.call().get("/api/v1/deliveries").path("items.id");
        UUID held = UUID.fromString(ids.get(0));
        UUID free = UUID.fromString(ids.get(1));
        // The oldest due rows of all: the claim takes the 50 oldest of everyone, other tests' rows included.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update delivery set next_attempt_at = ?1 where id in (?2, ?3)")
                .setParameter(1, java.time.OffsetDateTime.parse("2000-01-01T00:00:00Z")).setParameter(2, held)
                .setParameter(3, free).executeUpdate());

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select id from delivery where id = ?1 for update").setParameter(1, held).getResultList();
            locked.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        long started = System.nanoTime();
        List<UUID> claimed = claims.claim("instance-Y", Instant.now(), 50);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        release.countDown();
        other.get(20, TimeUnit.SECONDS);

        assertTrue(claimed.contains(free), "the unlocked row is claimed");
        assertFalse(claimed.contains(held), "the locked row is skipped, not waited for");
        assertTrue(took.toMillis() < 5000, "no waiting on the other instance's lock: " + took);
        // Leave nothing behind: the skipped row is still due and goes out normally.
        dispatcher.dispatchDue("instance-Y", Instant.now().plus(Duration.ofMinutes(3)));
    }
}
