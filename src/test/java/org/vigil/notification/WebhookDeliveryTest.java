package org.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.notification.MatchFixture.cms8000;
import static org.vigil.notification.MatchFixture.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.notification.channel.SendResult;
import org.vigil.notification.outbox.Delivery;
import org.vigil.notification.outbox.DeliveryClaims;
import org.vigil.notification.outbox.DeliveryOutcomes;
import org.vigil.notification.outbox.Dispatcher;
import org.vigil.support.Api;
import org.vigil.support.Api.Tenant;

/** Signed webhooks to a real HTTP receiver (WireMock): signature, retries, 410, crash and two dispatchers. */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest {

    static final WireMockServer RECEIVER = new WireMockServer(options().port(WebhookProfile.PORT).bindAddress("127.0.0.1"));
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MatchFixture matching;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DeliveryClaims claims;
    @Inject
    DeliveryOutcomes outcomes;
    @Inject
    EntityManager em;

    @BeforeAll
    static void start() {
        RECEIVER.start();
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop();
    }

    record Hook(Tenant tenant, String path, String subscriptionId, String secret) {
        List<LoggedRequest> received() {
            return RECEIVER.findAll(postRequestedFor(urlEqualTo(path)));
        }
    }

    private static Hook hook(String name) {
        Tenant t = Api.newHospital(name);
        String path = "/hooks/" + UUID.randomUUID();
        var created = t.call().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEBHOOK", "url", "http://127.0.0.1:" + WebhookProfile.PORT + path))
                .post("/api/v1/subscriptions").then().statusCode(201).extract();
        return new Hook(t, path, created.path("id"), created.path("secret"));
    }

    private String event(Hook h, int devices) {
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.CRITICAL, 9.8, "Contec CMS8000 Contains a Backdoor"));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            ids.add(device(h.tenant().key(), "CMS8000", "2.0." + i, "Ward " + i, 1));
        }
        matching.record(h.tenant().id(), id, "1", MatchEventType.NEW_FINDING, Confidence.CONFIRMED, ids);
        return id;
    }

    /** The receiver's check, written independently of Vigil's signer, as a customer would (docs/notifications.md). */
    private static boolean verify(LoggedRequest r, String secret) throws Exception {
        String id = r.getHeader("webhook-id");
        String timestamp = r.getHeader("webhook-timestamp");
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + r.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));
        for (String sig : r.getHeader("webhook-signature").split(" ")) {
            if (sig.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void payloadIsSignedAndFollowsTheSchema() throws Exception {
        Hook h = hook("Signed");
        RECEIVER.stubFor(post(h.path()).willReturn(aResponse().withStatus(204)));
        String model = MatchFixture.uniqueModel();
        UUID ward = MatchFixture.contecDevice(h.tenant().key(), model, "2.0.6", "Ward 4", 3);
        MatchFixture.contecDevice(h.tenant().key(), model, "2.0.8", "ICU", 1);
        String advisory = MatchFixture.advisoryId();
        // Vigil's own matching decides here: the evidence in the payload is the one it found.
        matching.upsert(MatchFixture.contec(advisory, "1", Severity.CRITICAL, 9.8, "Contec backdoor", model,
                "vers:all/*"));
        dispatcher.dispatchDue("webhook-test", Instant.now());

        List<LoggedRequest> got = h.received();
        assertEquals(1, got.size());
        LoggedRequest r = got.get(0);
        assertTrue(verify(r, h.secret()), "signature verifies with the secret shown at creation");
        assertTrue(Math.abs(Long.parseLong(r.getHeader("webhook-timestamp")) - Instant.now().getEpochSecond()) < 60);
        String deliveryId = h.tenant().call().get("/api/v1/deliveries").path("items[0].id");
        assertEquals(deliveryId, r.getHeader("webhook-id"));
        JsonNode body = JSON.readTree(r.getBodyAsString());
        assertEquals("vigil.finding-event/v1", body.get("schema").asText());
        assertEquals("NEW_FINDING", body.get("type").asText());
        assertEquals(deliveryId, body.get("id").asText());
        assertEquals(h.tenant().id().toString(), body.at("/hospital/id").asText());
        assertEquals(advisory, body.at("/events/0/advisory/id").asText());
        assertEquals("CRITICAL", body.at("/events/0/advisory/severity").asText());
        assertEquals("CVE-2025-0626", body.at("/events/0/advisory/cves/0/cve").asText());
        assertEquals(9.8, body.at("/events/0/advisory/cves/0/cvssScore").asDouble());
        assertEquals("VERIFIED", body.at("/events/0/advisory/verification").asText());
        assertEquals(2, body.at("/events/0/findings").size());
        assertEquals(4, body.at("/events/0/deviceCount").asInt(), "3 + 1 units");
        // Each entry is the hospital's device and finding as the API shows them: same fields, same evidence.
        for (JsonNode f : body.at("/events/0/findings")) {
            String findingId = f.get("findingId").asText();
            var api = h.tenant().call().get("/api/v1/findings?advisoryId=" + advisory + "&deviceId="
                    + f.at("/device/id").asText()).then().statusCode(200).extract().jsonPath().setRootPath("items[0]");
            assertEquals(findingId, api.getString("id"));
            assertEquals(api.getList("reasons"), JSON.convertValue(f.get("evidence"), List.class), findingId);
            assertEquals(api.getString("confidence"), f.get("confidence").asText());
            assertEquals(api.getString("device.id"), f.at("/device/id").asText());
            assertEquals(api.getString("device.location"), f.at("/device/location").asText());
            assertEquals(model, f.at("/device/model").asText());
        }
        JsonNode first = body.at("/events/0/findings/0");
        String wardEntry = first.at("/device/id").asText().equals(ward.toString()) ? "/events/0/findings/0"
                : "/events/0/findings/1";
        assertEquals("Ward 4", body.at(wardEntry + "/device/location").asText());
        assertEquals(3, body.at(wardEntry + "/device/quantity").asInt());
        assertTrue(body.at(wardEntry + "/evidence").toString().contains("'Contec Medical Systems Co., Ltd.'"),
                "the evidence names the hospital's own spelling: " + body.at(wardEntry + "/evidence"));
        assertTrue(!r.getBodyAsString().contains(h.secret()));
        String stored = QuarkusTransaction.requiringNew().call(() ->
                em.find(Subscription.class, UUID.fromString(h.subscriptionId())).webhookSecret);
        assertTrue(stored.startsWith("enc:v1:") && !stored.contains(h.secret().substring(6)), "encrypted at rest");
    }

    @Test
    void testEndpointSendsASignedSample() throws Exception {
        Hook h = hook("Sample");
        RECEIVER.stubFor(post(h.path()).willReturn(aResponse().withStatus(202)));
        h.tenant().call().post("/api/v1/subscriptions/" + h.subscriptionId() + "/test").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("lastStatusCode", equalTo(202));
        LoggedRequest r = h.received().get(0);
        assertTrue(verify(r, h.secret()));
        assertEquals("TEST", JSON.readTree(r.getBodyAsString()).get("type").asText());
    }

    @Test
    void serverErrorThenSuccessDeliversOnceUnderOneWebhookId() throws Exception {
        Hook h = hook("Retry");
        RECEIVER.stubFor(post(h.path()).inScenario(h.path()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        RECEIVER.stubFor(post(h.path()).inScenario(h.path()).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        event(h, 1);
        dispatcher.dispatchDue("webhook-test", Instant.now());
        h.tenant().call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("PENDING"))
                .body("items[0].lastStatusCode", equalTo(500)).body("items[0].attempts", equalTo(1));
        dispatcher.dispatchDue("webhook-test", Instant.now().plus(Duration.ofHours(1)));
        dispatcher.dispatchDue("webhook-test", Instant.now().plus(Duration.ofHours(2)));

        List<LoggedRequest> got = h.received();
        assertEquals(2, got.size(), "one failed attempt, one success, nothing after");
        assertEquals(got.get(0).getHeader("webhook-id"), got.get(1).getHeader("webhook-id"));
        assertTrue(verify(got.get(1), h.secret()));
        h.tenant().call().get("/api/v1/deliveries?status=DELIVERED").then().body("total", equalTo(1))
                .body("items[0].attempts", equalTo(2)).body("items[0].lastStatusCode", equalTo(200));
    }

    @Test
    void goneDisablesTheSubscription() {
        Hook h = hook("Gone");
        RECEIVER.stubFor(post(h.path()).willReturn(aResponse().withStatus(410)));
        event(h, 1);
        dispatcher.dispatchDue("webhook-test", Instant.now());
        h.tenant().call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DEAD"))
                .body("items[0].lastStatusCode", equalTo(410));
        h.tenant().call().get("/api/v1/subscriptions/" + h.subscriptionId()).then()
                .body("enabled", equalTo(false)).body("disabledReason", containsString("410"));
        event(h, 1);
        h.tenant().call().get("/api/v1/deliveries").then().body("total", equalTo(1));
        String id = h.tenant().call().get("/api/v1/deliveries").path("items[0].id");
        h.tenant().call().post("/api/v1/deliveries/" + id + "/redeliver").then().statusCode(409);
        assertEquals(1, h.received().size());
    }

    @Test
    void clientErrorsAndRedirectsAreFinalAndRetryAfterIsHonoured() {
        Hook rejected = hook("Rejected");
        RECEIVER.stubFor(post(rejected.path()).willReturn(aResponse().withStatus(400)));
        event(rejected, 1);
        Hook moved = hook("Moved");
        RECEIVER.stubFor(post(moved.path()).willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        event(moved, 1);
        Hook busy = hook("Busy");
        RECEIVER.stubFor(post(busy.path()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        event(busy, 1);
        Instant now = Instant.now();
        dispatcher.dispatchDue("webhook-test", now);

        rejected.tenant().call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DEAD"))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastStatusCode", equalTo(400));
        moved.tenant().call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DEAD"))
                .body("items[0].lastError", containsString("redirects are not followed"));
        assertEquals(0, RECEIVER.findAll(postRequestedFor(urlEqualTo("/elsewhere"))).size());
        Instant next = Instant.parse(busy.tenant().call().get("/api/v1/deliveries").path("items[0].nextAttemptAt"));
        assertTrue(!next.isBefore(now.plusSeconds(3590)), "Retry-After 3600 honoured: " + next);
        // Redeliver a DEAD one after the receiver was fixed.
        RECEIVER.stubFor(post(rejected.path()).willReturn(aResponse().withStatus(200)));
        String id = rejected.tenant().call().get("/api/v1/deliveries").path("items[0].id");
        rejected.tenant().call().post("/api/v1/deliveries/" + id + "/redeliver").then().statusCode(202);
        dispatcher.dispatchDue("webhook-test", Instant.now());
        rejected.tenant().call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DELIVERED"));
        assertEquals(2, rejected.received().size());
    }

    @Test
    void instanceKilledWithClaimsInFlightLosesNothingAndDuplicatesNothing() {
        Hook h = hook("Crash");
        RECEIVER.stubFor(post(h.path()).willReturn(aResponse().withStatus(200)));
        for (int i = 0; i < 3; i++) {
            event(h, 1);
        }
        Instant now = Instant.now();
        // Instance A claims the rows, then dies before sending: nothing reaches the receiver.
        List<UUID> claimedByA = claims.claim("instance-A", now, 50);
        assertTrue(claimedByA.size() >= 3);
        h.tenant().call().get("/api/v1/deliveries?status=SENDING").then().body("total", equalTo(3));

        // Instance B, restarted next to it, must not touch rows under a live lease...
        dispatcher.dispatchDue("instance-B", now.plusSeconds(30));
        assertEquals(0, h.received().size());
        // ...and re-claims them once the lease has expired.
        dispatcher.dispatchDue("instance-B", now.plus(Duration.ofMinutes(2)).plusSeconds(1));
        List<LoggedRequest> got = h.received();
        assertEquals(3, got.size(), "no delivery lost");
        assertEquals(3, got.stream().map(r -> r.getHeader("webhook-id")).distinct().count(), "none duplicated");
        h.tenant().call().get("/api/v1/deliveries?status=DELIVERED").then().body("total", equalTo(3));

        // A comes back from the dead with a stale claim: its outcome is fenced off.
        UUID one = UUID.fromString(got.get(0).getHeader("webhook-id"));
        assertNull(outcomes.record(one, "instance-A", SendResult.failed(500, "stale"), Instant.now()));
        h.tenant().call().get("/api/v1/deliveries/" + one).then().body("status", equalTo("DELIVERED"));
    }

    @Test
    void instanceStalledMidSendIsOvertakenUnderTheSameWebhookId() throws Exception {
        Hook h = hook("Stalled");
        RECEIVER.stubFor(post(h.path()).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        event(h, 1);
        Instant now = Instant.now();
        List<UUID> claimed = claims.claim("instance-A", now, 50);
        UUID id = UUID.fromString(h.tenant().call().get("/api/v1/deliveries").path("items[0].id"));
        assertTrue(claimed.contains(id));
        // A sends but stalls past its lease (GC pause, network hang); B takes over after the lease.
        CompletableFuture<Delivery.Status> a = CompletableFuture.supplyAsync(() -> dispatcher.deliver(id, "instance-A"));
        dispatcher.dispatchDue("instance-B", now.plus(Duration.ofMinutes(2)).plusSeconds(1));
        assertNull(a.get(), "A's late outcome is not recorded: B owns the row");
        List<LoggedRequest> got = h.received();
        assertEquals(2, got.size(), "the one duplicate at-least-once delivery allows...");
        assertEquals(got.get(0).getHeader("webhook-id"), got.get(1).getHeader("webhook-id"),
                "...carries the same webhook-id, so the receiver drops it");
        h.tenant().call().get("/api/v1/deliveries/" + id).then().body("status", equalTo("DELIVERED"))
                .body("attempts", equalTo(1));
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEachEventExactlyOnce() throws Exception {
        Hook h = hook("Two instances");
        RECEIVER.stubFor(post(h.path()).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
        int events = 24;
        for (int i = 0; i < events; i++) {
            event(h, 1);
        }
        Instant now = Instant.now();
        List<CompletableFuture<Integer>> instances = new ArrayList<>();
        for (String name : List.of("instance-1", "instance-2")) {
            instances.add(CompletableFuture.supplyAsync(() -> {
                int total = 0;
                for (int pass = 0; pass < 10; pass++) {
                    total += dispatcher.dispatchDue(name, now);
                }
                return total;
            }));
        }
        int attempted = instances.get(0).get() + instances.get(1).get();
        List<LoggedRequest> got = h.received();
        Set<String> ids = got.stream().map(r -> r.getHeader("webhook-id")).collect(Collectors.toSet());
        assertEquals(events, got.size(), "each event delivered once");
        assertEquals(events, ids.size());
        assertTrue(attempted >= events);
        h.tenant().call().get("/api/v1/deliveries?status=DELIVERED").then().body("total", equalTo(events));
    }
}
