package org.vigil.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.everyItem;
import static org.vigil.notification.MatchFixture.cms8000;
import static org.vigil.notification.MatchFixture.contec;
import static org.vigil.notification.MatchFixture.device;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.notification.outbox.Dispatcher;
import org.vigil.support.Api;
import org.vigil.support.Api.Tenant;

/** Match events → outbox rows → emails (MockMailbox for content; SmtpDeliveryTest uses a real SMTP server). */
@QuarkusTest
class OutboxTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    MatchFixture matching;
    @Inject
    Dispatcher dispatcher;

    private static String emailSubscription(Tenant t, String address, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("channel", "EMAIL", "emails", List.of(address)));
        body.putAll(extra);
        return t.call().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions")
                .then().statusCode(201).extract().path("id");
    }

    private static String address(Tenant t) {
        return "biomed-" + t.id() + "@example.org";
    }

    private void dispatch() {
        dispatcher.dispatchDue("test-dispatcher", Instant.now());
    }

    @Test
    void oneEmailPerAdvisoryListsEveryDeviceWithEvidence() {
        Tenant t = Api.newHospital("Outbox");
        emailSubscription(t, address(t), Map.of());
        String model = MatchFixture.uniqueModel();
        MatchFixture.contecDevice(t.key(), model, "2.0.6", "Ward 4", 2);
        MatchFixture.contecDevice(t.key(), model, "2.0.8", "ICU", 1);
        String id = MatchFixture.advisoryId();
        // No fixture events: Vigil's matching finds both devices and the outbox writes the row in that transaction.
        matching.upsert(contec(id, "1", Severity.CRITICAL, 9.8, "Contec " + model + " Contains a Backdoor", model,
                "vers:all/*"));

        t.call().get("/api/v1/deliveries").then().body("total", equalTo(1))
                .body("items[0].status", equalTo("PENDING")).body("items[0].devices", equalTo(2))
                .body("items[0].advisoryId", equalTo(id)).body("items[0].eventType", equalTo("NEW_FINDING"));
        dispatch();

        List<Mail> mails = mailbox.getMailsSentTo(address(t));
        assertEquals(1, mails.size(), "one email for the advisory, not one per device");
        Mail mail = mails.get(0);
        assertEquals("[Vigil] CRITICAL " + id + " affects 3 of your devices: Contec " + model, mail.getSubject());
        String text = mail.getText();
        String maker = "Contec Medical Systems Co., Ltd.";
        assertTrue(text.contains("- " + maker + " " + model + ", version 2.0.6, location Ward 4, quantity 2"), text);
        assertTrue(text.contains("- " + maker + " " + model + ", version 2.0.8, location ICU, quantity 1"), text);
        // The evidence is what the hospital sees on its findings, line for line: its own maker name against the
        // advisory's vendor, its model against the product.
        List<String> reasons = t.call().get("/api/v1/findings?advisoryId=" + id).path("items[0].reasons");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'" + maker + "'") && r.contains("'Contec Health'")),
                reasons.toString());
        for (String reason : reasons) {
            assertTrue(text.contains("evidence: " + reason), reason + " missing in\n" + text);
        }
        t.call().get("/api/v1/findings?advisoryId=" + id).then().body("items.confidence", everyItem(equalTo("LIKELY")));
        assertTrue(text.contains("confidence: LIKELY"), text);
        assertTrue(text.contains("CVE-2025-0626: CVSS 9.8 (v3.1)"), text);
        assertTrue(text.contains("Known exploited (CISA KEV): no"), text);
        assertTrue(text.contains("mitigation: Unplug the monitor from the network"), text);
        assertTrue(text.contains("Provenance: VERIFIED (hash and signature checked), key 0123456789ABCDEF"), text);
        assertTrue(text.contains("/ui/findings?q=" + id), text);
        String html = mail.getHtml();
        assertTrue(html.contains(">" + maker.replace("&", "&amp;") + " " + model + "</a>"), html);
        assertTrue(html.contains(">2.0.6</td>") && html.contains(">Ward 4</td>"), html);
        t.call().get("/api/v1/deliveries?status=DELIVERED").then().body("total", equalTo(1))
                .body("items[0].attempts", equalTo(1));

        // The same advisory stored again unchanged (a re-run of the source): nothing new is written or sent.
        matching.upsert(contec(id, "1", Severity.CRITICAL, 9.8, "Contec " + model + " Contains a Backdoor", model,
                "vers:all/*"));
        dispatch();
        t.call().get("/api/v1/deliveries").then().body("total", equalTo(1));
        assertEquals(1, mailbox.getMailsSentTo(address(t)).size());
    }

    @Test
    void reFiredEventsWriteNothingTwice() {
        Tenant t = Api.newHospital("Refire");
        emailSubscription(t, address(t), Map.of());
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.CRITICAL, 9.8, "Contec CMS8000"));
        List<MatchEvent> events = matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.CONFIRMED,
                List.of(device(t.key(), "CMS8000", "2.0.6", "Ward 4", 2)));
        dispatch();
        matching.refire(events);
        dispatch();
        t.call().get("/api/v1/deliveries").then().body("total", equalTo(1));
        assertEquals(1, mailbox.getMailsSentTo(address(t)).size());
    }

    @Test
    void devicesJoiningTheSameRevisionMergeUntilSentThenFollowUp() {
        Tenant t = Api.newHospital("Merge");
        emailSubscription(t, address(t), Map.of());
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.HIGH, 8.2, "Contec CMS8000"));
        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                List.of(device(t.key(), "CMS8000", "1", "A", 1)));
        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                List.of(device(t.key(), "CMS8000", "2", "B", 1)));
        t.call().get("/api/v1/deliveries").then().body("total", equalTo(1)).body("items[0].devices", equalTo(2));
        dispatch();
        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                List.of(device(t.key(), "CMS8000", "3", "C", 1)));
        t.call().get("/api/v1/deliveries?status=PENDING").then().body("total", equalTo(1))
                .body("items[0].devices", equalTo(1));
        dispatch();
        List<Mail> mails = mailbox.getMailsSentTo(address(t));
        assertEquals(2, mails.size());
        assertTrue(mails.get(1).getSubject().contains("affects 1 of your devices"));
        assertTrue(mails.get(1).getText().contains("location C"));
    }

    @Test
    void devicesJoiningAtTheSameMomentAfterTheFirstEmailBothGetTheirFollowUp() throws Exception {
        Tenant t = Api.newHospital("Concurrent follow-ups");
        emailSubscription(t, address(t), Map.of());
        for (int round = 0; round < 5; round++) {
            String id = MatchFixture.advisoryId();
            matching.upsert(cms8000(id, "1", Severity.HIGH, 8.2, "Contec CMS8000"));
            matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                    List.of(device(t.key(), "CMS8000", "1", "First " + round, 1)));
            dispatch();
            // Two matchers (two imports into this hospital) add a device each to the same, already sent event:
            // both want the next follow-up key.
            List<UUID> late = List.of(device(t.key(), "CMS8000", "2", "Left " + round, 1),
                    device(t.key(), "CMS8000", "3", "Right " + round, 1));
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.CompletableFuture<Void>> writers = late.stream().map(d ->
                    java.util.concurrent.CompletableFuture.runAsync(() -> {
                        try {
                            together.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY, List.of(d));
                    })).toList();
            for (var w : writers) {
                w.get();   // neither matching transaction failed
            }
            dispatch();
            String all = mailbox.getMailsSentTo(address(t)).stream().filter(m -> m.getSubject().contains(id))
                    .map(Mail::getText).reduce("", String::concat);
            for (String location : List.of("First " + round, "Left " + round, "Right " + round)) {
                assertTrue(all.contains("location " + location), location + " was notified");
            }
        }
        t.call().get("/api/v1/deliveries?status=DELIVERED&size=100").then().body("total",
                org.hamcrest.Matchers.greaterThanOrEqualTo(10));
    }

    @Test
    void filtersAndTenantsDecideWhoHears() {
        Tenant t = Api.newHospital("Filters");
        Tenant other = Api.newHospital("Other");
        emailSubscription(t, "high-" + t.id() + "@example.org", Map.of("minSeverity", "HIGH"));
        emailSubscription(t, "kev-" + t.id() + "@example.org", Map.of("eventTypes", List.of("KEV_ADDED")));
        emailSubscription(t, "sure-" + t.id() + "@example.org", Map.of("minConfidence", "CONFIRMED"));
        emailSubscription(t, "fda-" + t.id() + "@example.org", Map.of("sources", List.of("fda-recall")));
        emailSubscription(t, "all-" + t.id() + "@example.org", Map.of());
        emailSubscription(other, address(other), Map.of());
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.MEDIUM, 5.0, "Contec CMS8000"));
        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                List.of(device(t.key(), "CMS8000", "1", "A", 1)));
        dispatch();
        assertEquals(1, mailbox.getMailsSentTo("all-" + t.id() + "@example.org").size());
        for (String filtered : List.of("high-", "kev-", "sure-", "fda-")) {
            assertEquals(0, mailbox.getMailsSentTo(filtered + t.id() + "@example.org").size(), filtered);
        }
        assertEquals(0, mailbox.getMailsSentTo(address(other)).size());
        other.call().get("/api/v1/deliveries").then().body("total", equalTo(0));
    }

    @Test
    void onlyMaterialRevisionsNotify() {
        Tenant t = Api.newHospital("Material");
        emailSubscription(t, address(t), Map.of("eventTypes", List.of("FINDING_CHANGED", "FINDING_RESOLVED")));
        UUID d = device(t.key(), "CMS8000", "1", "A", 1);
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.HIGH, 8.0, "Contec CMS8000"));
        // A revision that only re-words the title, and a (misbehaving) change event in the same transaction.
        matching.reviseAndRecord(cms8000(id, "2", Severity.HIGH, 8.0, "Contec CMS8000 (title reworded)"),
                t.id(), MatchEventType.FINDING_CHANGED, Confidence.LIKELY, List.of(d));
        t.call().get("/api/v1/deliveries").then().body("total", equalTo(0));

        // A material revision (CVSS up, severity up) and what it did to the finding.
        matching.reviseAndRecord(cms8000(id, "3", Severity.CRITICAL, 9.3, "Contec CMS8000 (title reworded)"),
                t.id(), MatchEventType.FINDING_CHANGED, Confidence.CONFIRMED, List.of(d));
        matching.record(t.id(), id, "3", MatchEventType.FINDING_RESOLVED, Confidence.CONFIRMED, List.of(d));
        dispatch();
        List<String> subjects = mailbox.getMailsSentTo(address(t)).stream().map(Mail::getSubject).sorted().toList();
        assertEquals(List.of("[Vigil] Resolved: " + id + " no longer affects 1 of your devices: Contec CMS8000",
                "[Vigil] Updated: CRITICAL " + id + " affects 1 of your devices: Contec CMS8000"), subjects);
    }

    @Test
    void aDeviceEditThatChangesAFindingNotifiesEvenWithoutANewRevision() {
        Tenant t = Api.newHospital("Device edit");
        emailSubscription(t, address(t), Map.of("eventTypes", List.of("FINDING_CHANGED")));
        String model = MatchFixture.uniqueModel();
        UUID d = MatchFixture.contecDevice(t.key(), model, null, "Ward 7", 1);
        String id = MatchFixture.advisoryId();
        matching.upsert(contec(id, "1", Severity.HIGH, 8.0, "Contec " + model, model, "< 2.0"));
        t.call().get("/api/v1/devices/" + d + "/findings").then().body("items[0].confidence", equalTo("LIKELY"));
        dispatch();
        assertEquals(0, mailbox.getMailsSentTo(address(t)).size(), "the new finding is not what this one asked for");

        // The biomed team records the firmware it found on the device: the same revision, now a confirmed hit.
        t.call().contentType(ContentType.JSON).body(Map.of("manufacturer", "Contec Medical Systems Co., Ltd.",
                        "model", model, "version", "1.5", "location", "Ward 7", "quantity", 1))
                .put("/api/v1/devices/" + d).then().statusCode(200);
        t.call().get("/api/v1/devices/" + d + "/findings").then().body("items[0].confidence", equalTo("CONFIRMED"))
                .body("items[0].advisoryRevision", equalTo("1"));
        dispatch();
        List<Mail> mails = mailbox.getMailsSentTo(address(t));
        assertEquals(1, mails.size());
        assertEquals("[Vigil] Updated: HIGH " + id + " affects 1 of your devices: Contec " + model,
                mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains("version 1.5, location Ward 7"), mails.get(0).getText());
        assertTrue(mails.get(0).getText().contains("change: confidence LIKELY → CONFIRMED"), mails.get(0).getText());
    }

    @Test
    void dailyDigestCollectsThePeriodAndHeartbeatReportsQuietDays() {
        Tenant t = Api.newHospital("Digest");
        Map<String, Object> digest = Map.of("mode", "DAILY_DIGEST", "digestHour", 7, "timeZone", "Europe/Berlin");
        emailSubscription(t, address(t), digest);
        String quiet = "quiet-" + t.id() + "@example.org";
        String silent = "silent-" + t.id() + "@example.org";
        Tenant calm = Api.newHospital("Calm");
        emailSubscription(calm, quiet, Map.of("mode", "DAILY_DIGEST", "digestHour", 7, "timeZone", "Europe/Berlin",
                "heartbeat", true));
        emailSubscription(calm, silent, digest);
        String first = MatchFixture.advisoryId();
        String second = MatchFixture.advisoryId();
        matching.upsert(cms8000(first, "1", Severity.CRITICAL, 9.8, "Contec CMS8000"));
        matching.upsert(cms8000(second, "1", Severity.HIGH, 7.5, "Contec CMS8000 again"));
        UUID d = device(t.key(), "CMS8000", "1", "A", 1);
        matching.record(t.id(), first, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY, List.of(d));
        matching.record(t.id(), second, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY, List.of(d));
        t.call().get("/api/v1/deliveries?status=QUEUED").then().body("total", equalTo(2));

        dispatch();
        assertEquals(0, mailbox.getMailsSentTo(address(t)).size(), "nothing before the period closes");

        Instant closes = Instant.parse(t.call().get("/api/v1/subscriptions").path("items[0].nextDigestAt"));
        dispatcher.dispatchDue("test-dispatcher", closes.plusSeconds(1));
        List<Mail> mails = mailbox.getMailsSentTo(address(t));
        assertEquals(1, mails.size(), "one email for the period");
        assertTrue(mails.get(0).getSubject().endsWith(": 2 advisory updates for your devices"), mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains(first) && mails.get(0).getText().contains(second));
        t.call().get("/api/v1/deliveries?status=DIGESTED").then().body("total", equalTo(2));
        t.call().get("/api/v1/deliveries?status=DELIVERED").then().body("total", equalTo(1))
                .body("items[0].kind", equalTo("DIGEST"));

        List<Mail> heartbeat = mailbox.getMailsSentTo(quiet);
        assertEquals(1, heartbeat.size());
        assertTrue(heartbeat.get(0).getSubject().endsWith("nothing new matched your devices"));
        assertEquals(0, mailbox.getMailsSentTo(silent).size(), "no heartbeat asked for, nothing to say");
    }

    @Test
    void webhookTargetIsCheckedAgainAtDelivery() {
        Tenant t = Api.newHospital("Rebound");
        String id = t.call().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEBHOOK", "url", "https://93.184.215.14/hook"))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        // The name now points inside (DNS rebinding, or a row from before the guard): simulated by editing the row.
        matching.retarget(UUID.fromString(id), "https://127.0.0.1:9/hook");
        String advisory = MatchFixture.advisoryId();
        matching.upsert(cms8000(advisory, "1", Severity.HIGH, 8.0, "Contec CMS8000"));
        matching.record(t.id(), advisory, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                List.of(device(t.key(), "CMS8000", "1", "A", 1)));
        dispatch();
        t.call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DEAD"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastError", org.hamcrest.Matchers.containsString("resolves to a private address"));
    }

    @Test
    void deliveredNotificationCanBeRedeliveredUnderTheSameId() {
        Tenant t = Api.newHospital("Replay");
        emailSubscription(t, address(t), Map.of());
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.HIGH, 8.0, "Contec CMS8000"));
        matching.record(t.id(), id, "1", MatchEventType.KEV_ADDED, Confidence.LIKELY,
                List.of(device(t.key(), "CMS8000", "1", "A", 1)));
        dispatch();
        String deliveryId = t.call().get("/api/v1/deliveries").path("items[0].id");
        Api.newHospital("Stranger").call().post("/api/v1/deliveries/" + deliveryId + "/redeliver").then().statusCode(404);
        t.call().post("/api/v1/deliveries/" + deliveryId + "/redeliver").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        dispatch();
        List<Mail> mails = mailbox.getMailsSentTo(address(t));
        assertEquals(2, mails.size());
        assertTrue(mails.get(0).getSubject().startsWith("[Vigil] Exploited (KEV): HIGH " + id));
        assertEquals(deliveryId, mails.get(0).getHeaders().get("X-Vigil-Delivery-Id").get(0));
        assertEquals(deliveryId, mails.get(1).getHeaders().get("X-Vigil-Delivery-Id").get(0));
    }
}
