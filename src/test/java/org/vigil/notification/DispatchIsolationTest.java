package org.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.notification.MatchFixture.cms8000;
import static org.vigil.notification.MatchFixture.device;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.notification.outbox.Dispatcher;
import org.vigil.support.Api;
import org.vigil.support.Api.Tenant;

/**
 * One tenant's broken receiver or subscription must not stall anyone else's notifications (issue 10, item 4):
 * receivers that never answer, stream without end or dribble; a digest that cannot be closed.
 */
@QuarkusTest
@TestProfile(HostileReceiverProfile.class)
class DispatchIsolationTest {

    static final WireMockServer GOOD = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @Inject
    MatchFixture matching;
    @Inject
    Dispatcher dispatcher;
    @Inject
    MockMailbox mailbox;
    @Inject
    EntityManager em;

    @BeforeAll
    static void start() {
        GOOD.start();
        GOOD.stubFor(post("/good").willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stop() {
        GOOD.stop();
    }

    private final List<Runnable> cleanup = new java.util.ArrayList<>();

    private String webhook(Tenant t, String url) {
        String id = t.call().contentType(ContentType.JSON).body(Map.of("channel", "WEBHOOK", "url", url))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        // Rows left for a retry must not wander into the next test's ticks.
        cleanup.add(() -> t.call().delete("/api/v1/subscriptions/" + id).then().statusCode(204));
        return id;
    }

    @org.junit.jupiter.api.AfterEach
    void removeSubscriptions() {
        cleanup.forEach(Runnable::run);
        cleanup.clear();
    }

    private void event(Tenant t) {
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.CRITICAL, 9.8, "Contec CMS8000"));
        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.CONFIRMED,
                List.of(device(t.key(), "CMS8000", "1", "A", 1)));
    }

    private static String status(Tenant t) {
        return t.call().get("/api/v1/deliveries").path("items[0].status");
    }

    /** The dispatcher job, as Quartz runs it: one tick after the other until stopped. */
    private CompletableFuture<Void> ticking(AtomicBoolean running) {
        return CompletableFuture.runAsync(() -> {
            while (running.get()) {
                dispatcher.dispatchDue("ticker", Instant.now());
            }
        });
    }

    @Test
    void aReceiverThatNeverAnswersDelaysNoOtherSubscription() throws Exception {
        try (HostileReceiver silent = new HostileReceiver(HostileReceiver.Mode.SILENT)) {
            for (int s = 0; s < 3; s++) {
                Tenant stuck = Api.newHospital("Stuck " + s);
                webhook(stuck, silent.url("/hook"));
                for (int e = 0; e < 4; e++) {
                    event(stuck);
                }
            }
            Tenant fine = Api.newHospital("Fine");
            webhook(fine, GOOD.baseUrl() + "/good");
            event(fine);

            AtomicBoolean running = new AtomicBoolean(true);
            CompletableFuture<Void> job = ticking(running);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(fine)));
                int perTick = HostileReceiverProfile.PER_HOST;
                assertTrue(silent.webhookIds().size() <= perTick, "the fine hospital's notification went out in the "
                        + "first tick, next to the stuck ones, not after them: " + silent.webhookIds().size());

                event(fine);   // a new notification while the stuck receiver holds its share of the tick
                await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(fine)));
                assertTrue(silent.webhookIds().size() <= 3 * perTick, "one tick lasts one timeout, not one per stuck"
                        + " delivery: " + silent.webhookIds().size() + " of 12 stuck requests made by then");
            } finally {
                running.set(false);
                job.get();
            }
            // Every request that got no answer was hung up at the deadline, and is retried later.
            int asked = silent.webhookIds().size();
            await().atMost(Duration.ofSeconds(10)).until(() -> silent.hungUp() == asked);
            assertEquals(asked, new HashSet<>(silent.webhookIds()).size(), "no request was made twice");
        }
    }

    @Test
    void aReplyThatNeverEndsIsCutAfterABoundedPrefix() {
        for (HostileReceiver.Mode mode : List.of(HostileReceiver.Mode.ENDLESS, HostileReceiver.Mode.DRIBBLE)) {
            try (HostileReceiver talker = new HostileReceiver(mode)) {
                Tenant t = Api.newHospital("Talker " + mode);
                webhook(t, talker.url("/hook"));
                event(t);
                dispatcher.dispatchDue("talker", Instant.now());

                // The receiver said 200 before it started talking: delivered, and hung up on.
                t.call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DELIVERED"))
                        .body("items[0].lastStatusCode", equalTo(200));
                await().atMost(Duration.ofSeconds(5)).until(() -> talker.hungUp() == 1);
                long written = talker.bytesWritten();
                assertTrue(written < 1024 * 1024, mode + ": the reply was read only to a small prefix, never buffered"
                        + " whole: the receiver got " + written + " bytes out before Vigil hung up");
            }
        }
    }

    @Test
    void claimsWaitingForASenderAreRenewedSoNoOtherInstanceSendsThemAgain() throws Exception {
        // Two stuck targets with two deliveries each: four sends for three senders, so one waits a whole
        // timeout (2 s) and then takes another; the tick outlasts the 3 s lease.
        try (HostileReceiver first = new HostileReceiver(HostileReceiver.Mode.SILENT);
                HostileReceiver second = new HostileReceiver(HostileReceiver.Mode.SILENT)) {
            for (HostileReceiver r : List.of(first, second)) {
                Tenant t = Api.newHospital("Slow");
                webhook(t, r.url("/hook"));
                event(t);
                event(t);
            }
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() ->
                    dispatcher.dispatchDue("instance-A", Instant.now()));
            while (!a.isDone()) {
                dispatcher.dispatchDue("instance-B", Instant.now());
                Thread.sleep(200);
            }
            a.get();
            for (HostileReceiver r : List.of(first, second)) {
                assertEquals(2, r.webhookIds().size(), "each delivery sent once: instance B never re-claimed a row"
                        + " that A still held: " + r.webhookIds());
                assertEquals(2, new HashSet<>(r.webhookIds()).size());
            }
        }
    }

    @Test
    void aDigestThatCannotBeClosedIsRecordedOnItsSubscriptionAndHoldsUpNoOne() {
        Map<String, Object> digest = Map.of("mode", "DAILY_DIGEST", "digestHour", 7, "timeZone", "Europe/Berlin");
        Tenant renamed = Api.newHospital("Renamed zone");
        String zoneAddress = "zone-" + renamed.id() + "@example.org";
        String zoneSub = renamed.call().contentType(ContentType.JSON)
                .body(with(digest, "emails", List.of(zoneAddress))).post("/api/v1/subscriptions")
                .then().statusCode(201).extract().path("id");
        Tenant broken = Api.newHospital("Broken digest");
        String brokenSub = broken.call().contentType(ContentType.JSON)
                .body(with(digest, "emails", List.of("broken-" + broken.id() + "@example.org")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        event(renamed);
        event(broken);
        Tenant fine = Api.newHospital("Fine meanwhile");
        String fineAddress = "fine-" + fine.id() + "@example.org";
        fine.call().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "emails", List.of(fineAddress)))
                .post("/api/v1/subscriptions").then().statusCode(201);
        event(fine);
        // Rows as a JDK update (a zone renamed away) or a hand edit can leave them, both due now.
        Instant due = Instant.now().minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription z = em.find(Subscription.class, UUID.fromString(zoneSub));
            z.digestZone = "Mars/Olympus";
            z.nextDigestAt = due;
            Subscription b = em.find(Subscription.class, UUID.fromString(brokenSub));
            b.digestHour = null;
            b.nextDigestAt = due;
        });

        Instant now = Instant.now();
        dispatcher.dispatchDue("digest-test", now);

        assertEquals(1, mailbox.getMailsSentTo(fineAddress).size(), "other hospitals' notifications go out");
        assertEquals(1, mailbox.getMailsSentTo(zoneAddress).size(), "an unknown zone still gets its digest (UTC)");
        renamed.call().get("/api/v1/subscriptions/" + zoneSub).then()
                .body("lastError", containsString("time zone 'Mars/Olympus' is not known"));
        broken.call().get("/api/v1/subscriptions/" + brokenSub).then()
                .body("lastError", containsString("daily digest could not be closed"))
                .body("lastError", org.hamcrest.Matchers.not(containsString("Exception")));
        broken.call().get("/api/v1/deliveries?status=QUEUED").then().body("total", equalTo(1));
        Instant retry = Instant.parse(broken.call().get("/api/v1/subscriptions/" + brokenSub).path("nextDigestAt"));
        assertTrue(retry.isAfter(now), "tried again later, not on every tick: " + retry);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put("channel", "EMAIL");
        m.put(key, value);
        return m;
    }
}
