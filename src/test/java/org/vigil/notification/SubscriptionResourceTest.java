package org.vigil.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.Api.Tenant;

@QuarkusTest
class SubscriptionResourceTest {

    @Inject
    MockMailbox mailbox;

    static String create(Tenant t, Map<String, Object> body) {
        return t.call().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void emailSubscriptionIsCreatedListedAndDeleted() {
        Tenant t = Api.newHospital("Subs");
        String id = create(t, Map.of("name", "biomed", "channel", "EMAIL",
                "emails", List.of("biomed@example.org", "ciso@example.org"), "minSeverity", "HIGH",
                "eventTypes", List.of("NEW_FINDING", "KEV_ADDED")));
        t.call().get("/api/v1/subscriptions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].emails", equalTo(List.of("biomed@example.org", "ciso@example.org")))
                .body("items[0].mode", equalTo("IMMEDIATE")).body("items[0].minSeverity", equalTo("HIGH"))
                .body("items[0].eventTypes", equalTo(List.of("KEV_ADDED", "NEW_FINDING")))
                .body("items[0].enabled", equalTo(true));
        t.call().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        t.call().get("/api/v1/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void webhookSecretIsShownOnceAndNeverAgain() {
        Tenant t = Api.newHospital("Hook");
        var created = t.call().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEBHOOK", "url", "https://93.184.215.14/vigil"))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("url", equalTo("https://93.184.215.14/vigil"))
                .extract();
        String id = created.path("id");
        t.call().get("/api/v1/subscriptions/" + id).then().statusCode(200).body("secret", nullValue());
        t.call().get("/api/v1/subscriptions").then().body("items[0].secret", nullValue())
                .body(not(containsString(created.<String>path("secret"))));
    }

    @Test
    void internalWebhookTargetsAreRefusedNamingTheField() {
        Tenant t = Api.newHospital("Ssrf");
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost:8443/hook", "https://10.0.0.7/hook",
                "https://192.168.0.10/", "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook",
                "https://100.64.3.4/", "https://[fd00:ec2::254]/", "https://[fe80::1]/")) {
            t.call().contentType(ContentType.JSON).body(Map.of("channel", "WEBHOOK", "url", url))
                    .post("/api/v1/subscriptions").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("resolves to a private address"))
                    .body("errors[0].message", containsString("allow-private-targets"));
        }
        // A name is answered without the address it resolved to (no oracle for the operator's internal DNS).
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "WEBHOOK", "url", "https://localhost:8443/hook"))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body(not(containsString("127.0.0.1"))).body(not(containsString("::1")))
                .body(not(containsString("loopback")));
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "WEBHOOK", "url", "http://93.184.215.14/"))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo("must be an https URL"));
        t.call().get("/api/v1/subscriptions").then().body("total", equalTo(0));
    }

    @Test
    void invalidInputIsAProblemNamingEachField() {
        Tenant t = Api.newHospital("Invalid");
        t.call().contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "emails", List.of("a@example.org", "nope"), "mode", "DAILY_DIGEST",
                        "digestHour", 7))
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("emails[1]", "timeZone")));
        t.call().contentType(ContentType.JSON).body(Map.of("channel", "PIGEON"))
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        t.call().contentType(ContentType.JSON).body("{\"channel\": \"EMAIL\", \"emails\": 5}")
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("emails"));
        t.call().get("/api/v1/deliveries?status=LOST").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void anotherHospitalsSubscriptionIsNotFound() {
        Tenant a = Api.newHospital("A");
        Tenant b = Api.newHospital("B");
        String address = "a-" + a.id() + "@example.org";
        String id = create(a, Map.of("channel", "EMAIL", "emails", List.of(address)));
        b.call().get("/api/v1/subscriptions/" + id).then().statusCode(404);
        b.call().delete("/api/v1/subscriptions/" + id).then().statusCode(404);
        b.call().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(404);
        assertEquals(0, mailbox.getMailsSentTo(address).size(), "another hospital's test call sent nothing");
        a.call().get("/api/v1/deliveries").then().body("total", equalTo(0));
        b.call().get("/api/v1/subscriptions").then().body("total", equalTo(0));
        Api.asOperator().get("/api/v1/subscriptions").then().statusCode(403);
        a.call().get("/api/v1/subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void testEndpointSendsASampleThroughTheChannel() {
        Tenant t = Api.newHospital("Test send");
        String address = "test-" + t.id() + "@example.org";
        String id = create(t, Map.of("channel", "EMAIL", "emails", List.of(address)));
        t.call().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(200)
                .body("kind", equalTo("TEST")).body("status", equalTo("DELIVERED")).body("attempts", equalTo(1));
        var mails = mailbox.getMailsSentTo(address);
        assertEquals(1, mails.size());
        assertEquals("[Vigil] Test notification for " + t.call().get("/api/v1/hospitals/me").path("name"),
                mails.get(0).getSubject());
        t.call().get("/api/v1/deliveries?status=DELIVERED").then().body("items[0].kind", equalTo("TEST"));
    }
}
