package org.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.api.PublicUrl;
import org.vigil.notification.MatchFixture;
import org.vigil.notification.outbox.Dispatcher;
import org.vigil.support.Api;

/**
 * A notification email leads a person into the console, not to JSON: the device links open the finding's page,
 * List-Unsubscribe opens the subscription, the HTML has a severity banner and wraps long hashes.
 */
@QuarkusTest
class ConsoleEmailTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    MatchFixture matching;
    @Inject
    Dispatcher dispatcher;

    @Test
    void emailLinksOpenTheFindingAndTheSubscriptionInTheConsole() {
        Api.Tenant t = Api.newHospital("Console email");
        String address = "biomed-" + t.id() + "@example.org";
        String subscription = t.call().contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "emails", List.of(address))).post("/api/v1/subscriptions")
                .then().statusCode(201).extract().path("id");
        String model = MatchFixture.uniqueModel();
        MatchFixture.contecDevice(t.key(), model, "2.0.6", "Ward 4", 1);
        String id = MatchFixture.advisoryId();
        matching.upsert(MatchFixture.contec(id, "1", Severity.CRITICAL, 9.8, "Contec " + model + " backdoor", model,
                "vers:all/*"));
        dispatcher.dispatchDue("test-dispatcher", Instant.now());

        String finding = t.call().get("/api/v1/findings?advisoryId=" + id).then().extract().path("items[0].id");
        List<Mail> mails = mailbox.getMailsSentTo(address);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        // vigil.public-base-url is unset in tests: vigil.notification.base-url (default) serves, as before.
        String console = "http://localhost:8080/ui";
        assertEquals(List.of("<" + console + "/subscriptions#subscription-" + subscription + ">"),
                mail.getHeaders().get("List-Unsubscribe"));
        assertTrue(mail.getText().contains(console + "/findings/" + finding), mail.getText());
        assertTrue(!mail.getText().contains("/api/v1/subscriptions"), "no JSON link for people");
        String html = mail.getHtml();
        assertTrue(html.contains("href=\"" + console + "/findings/" + finding + "\""), html);
        assertTrue(html.contains("background: #8b0000;") && html.contains("CRITICAL · "), "severity banner: " + html);
        assertTrue(html.contains("word-break: break-all;\">sha512:abc</span>"), "hashes wrap: " + html);
        assertTrue(html.contains("href=\"" + console + "/subscriptions#subscription-" + subscription + "\""), html);
    }

    @Test
    void publicBaseUrlWinsOverTheNotificationBaseUrl() {
        PublicUrl set = () -> Optional.of("https://vigil.hospital.test/");
        PublicUrl unset = Optional::empty;
        assertEquals("https://vigil.hospital.test", set.or("http://localhost:8080"));
        assertEquals("http://localhost:8080", unset.or("http://localhost:8080"));
    }
}
