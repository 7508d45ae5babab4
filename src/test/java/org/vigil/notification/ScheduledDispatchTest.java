package org.vigil.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.notification.MatchFixture.cms8000;
import static org.vigil.notification.MatchFixture.device;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.support.Api;
import org.vigil.support.Api.Tenant;

/** The Quartz dispatcher job, switched on: an event goes out without anyone calling the dispatcher. */
@QuarkusTest
@TestProfile(ScheduledDispatchTest.EverySecond.class)
class ScheduledDispatchTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.notification.dispatch-every", "1s");
        }
    }

    @Inject
    MockMailbox mailbox;
    @Inject
    MatchFixture matching;

    @Test
    void theJobDeliversOnItsOwn() {
        Tenant t = Api.newHospital("Scheduled");
        String address = "scheduled-" + t.id() + "@example.org";
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "emails", List.of(address)))
                .post("/api/v1/subscriptions").then().statusCode(201);
        String id = MatchFixture.advisoryId();
        matching.upsert(cms8000(id, "1", Severity.HIGH, 8.1, "Contec CMS8000"));
        matching.record(t.id(), id, "1", MatchEventType.NEW_FINDING, Confidence.LIKELY,
                List.of(device(t.key(), "CMS8000", "1", "A", 1)));
        // The mail leaves before the outcome is recorded: wait for the log, then count.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DELIVERED".equals(t.call().get("/api/v1/deliveries").path("items[0].status")));
        assertEquals(1, mailbox.getMailsSentTo(address).size());
    }
}
