package org.vigil.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.notification.MatchFixture.cms8000;
import static org.vigil.notification.MatchFixture.device;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.notification.outbox.Dispatcher;
import org.vigil.support.Api;
import org.vigil.support.Api.Tenant;

/** Email through a real SMTP server (GreenMail). */
@QuarkusTest
@TestProfile(SmtpProfile.class)
class SmtpDeliveryTest {

    @Inject
    MatchFixture matching;
    @Inject
    Dispatcher dispatcher;

    private GreenMail smtp;

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SmtpProfile.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private String advisoryFor(Tenant t, List<String> to) {
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "emails", to))
                .post("/api/v1/subscriptions").then().statusCode(201);
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.CRITICAL, 9.8, "Contec CMS8000 Contains a Backdoor"));
        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.CONFIRMED,
                List.of(device(t.key(), "CMS8000", "2.0.6", "Ward 4", 3)));
        return id;
    }

    @Test
    void emailArrivesWithSubjectRecipientsAndBothParts() throws Exception {
        startSmtp();
        Tenant t = Api.newHospital("Smtp");
        String id = advisoryFor(t, List.of("biomed@hospital.example", "ciso@hospital.example"));
        dispatcher.dispatchDue("smtp-test", Instant.now());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient mailbox, one message");
        MimeMessage m = received[0];
        assertEquals("[Vigil] CRITICAL " + id + " affects 3 of your devices: Contec CMS8000", m.getSubject());
        assertEquals(List.of("biomed@hospital.example", "ciso@hospital.example"),
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList());
        assertEquals("vigil@hospital.example", m.getFrom()[0].toString());
        Map<String, String> parts = new HashMap<>();
        collect(m, parts);
        assertTrue(parts.get("text/plain").contains("- Acme Biomedical CMS8000, version 2.0.6, location Ward 4, quantity 3"),
                parts.get("text/plain"));
        assertTrue(parts.get("text/html").contains(">Acme Biomedical CMS8000</a>")
                && parts.get("text/html").contains(">2.0.6</td>") && parts.get("text/html").contains(">Ward 4</td>"),
                parts.get("text/html"));
        t.call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DELIVERED"));
    }

    @Test
    void smtpDownThenUpDeliversOnceAfterARetry() {
        Tenant t = Api.newHospital("Smtp down");
        advisoryFor(t, List.of("oncall@hospital.example"));
        Instant attempted = Instant.now();
        dispatcher.dispatchDue("smtp-test", attempted);
        t.call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("PENDING"))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastError", containsString("SMTP"));
        Instant retryAt = Instant.parse(t.call().get("/api/v1/deliveries").path("items[0].nextAttemptAt"));
        // The first wait is 1 minute -20 % jitter at least, counted from the attempt, whatever the clock says now.
        assertTrue(!retryAt.isBefore(attempted.plusSeconds(48)), "backed off, not hammered: " + retryAt);

        startSmtp();
        dispatcher.dispatchDue("smtp-test", retryAt.minusSeconds(1));
        assertEquals(0, smtp.getReceivedMessages().length, "not before the backoff is over");
        settle(retryAt);
        assertEquals(1, smtp.getReceivedMessages().length, "delivered once");
        t.call().get("/api/v1/deliveries").then().body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", greaterThanOrEqualTo(2));
    }

    @Test
    void deviceAndAdvisoryMatchedByVigilBecomeOneEmail() throws Exception {
        startSmtp();
        Tenant t = Api.newHospital("End to end");
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "emails", List.of("e2e@hospital.example")))
                .post("/api/v1/subscriptions").then().statusCode(201);
        for (Object[] d : List.of(new Object[] {"Ward 4", 3}, new Object[] {"ICU", 2})) {
            t.call().contentType(ContentType.JSON)
                    .body(Map.of("manufacturer", "Contec Medical Systems Co., Ltd.", "model", "CMS8000",
                            "version", "2.0.6", "location", d[0], "quantity", d[1]))
                    .post("/api/v1/devices").then().statusCode(201);
        }
        String id = MatchFixture.advisoryId();
        // No fixture events here: the catalogue fires AdvisoryChanged, matching finds the devices, the outbox
        // writes the row in that transaction, the dispatcher sends it.
        matching.upsert(cms8000(id, "1", Severity.CRITICAL, 9.8, "Contec CMS8000 Contains a Backdoor"));
        // The devices also match advisories earlier tests left in the catalogue: look at this advisory only.
        t.call().get("/api/v1/deliveries").then()
                .body("items.findAll { it.advisoryId == '" + id + "' }.size()", equalTo(1))
                .body("items.find { it.advisoryId == '" + id + "' }.devices", equalTo(2));
        settle(Instant.now());

        List<MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subjectOf(m).contains(id)).toList();
        assertEquals(1, received.size(), "one email for the advisory, not one per device");
        assertEquals("[Vigil] CRITICAL " + id + " affects 5 of your devices: Contec CMS8000", subjectOf(received.get(0)));
        Map<String, String> parts = new HashMap<>();
        collect(received.get(0), parts);
        String text = parts.get("text/plain");
        assertTrue(text.contains("- Contec Medical Systems Co., Ltd. CMS8000, version 2.0.6, location Ward 4, quantity 3"), text);
        assertTrue(text.contains("- Contec Medical Systems Co., Ltd. CMS8000, version 2.0.6, location ICU, quantity 2"), text);
        assertTrue(text.contains("evidence: manufacturer 'Contec Medical Systems Co., Ltd.' = vendor 'Contec Health'"), text);
        assertTrue(text.contains("CVE-2025-0626: CVSS 9.8"), text);
    }

    /**
     * Dispatcher passes at growing clock offsets until nothing is due. Normally the first pass delivers; the
     * later ones cover GreenMail's occasional 30 s stall on the first session after a restart (it answers
     * "421 ... socket timeout"), which Vigil rightly treats as a retryable SMTP failure.
     */
    private void settle(Instant from) {
        for (Duration offset : List.of(Duration.ZERO, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(3))) {
            dispatcher.dispatchDue("smtp-test", from.plus(offset).plusSeconds(1));
        }
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, Map<String, String> parts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), parts);
            }
        } else if (part.isMimeType("text/plain")) {
            parts.put("text/plain", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            parts.put("text/html", part.getContent().toString());
        }
    }
}
