package org.vigil.tenancy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/** Verified keys are remembered; revocation still stops a key, at once here and within seconds elsewhere. */
@QuarkusTest
class ApiKeyCacheTest {

    @Inject
    EntityManager em;
    @ConfigProperty(name = "vigil.api-key-revocation-poll")
    Duration poll;

    @Test
    void aKeyRevokedThroughTheApiStopsAtOnce() {
        Api.Tenant tenant = Api.newHospital("Revoked here");
        String second = Api.asOperator().post("/api/v1/hospitals/" + tenant.id() + "/api-keys")
                .then().statusCode(201).extract().path("apiKey");
        Api.as(second).get("/api/v1/hospitals/me").then().statusCode(200);   // verified now, so remembered
        String secondId = tenant.call().get("/api/v1/hospitals/" + tenant.id() + "/api-keys")
                .then().statusCode(200).extract().path("items.find { it.prefix == '" + second.substring(0, 12) + "' }.id");

        tenant.call().delete("/api/v1/hospitals/" + tenant.id() + "/api-keys/" + secondId).then().statusCode(204);

        Api.as(second).get("/api/v1/hospitals/me").then().statusCode(401);
        Api.as(second).get("/api/v1/devices").then().statusCode(401);
        tenant.call().get("/api/v1/hospitals/me").then().statusCode(200);
    }

    @Test
    void aKeyRevokedOnAnotherInstanceStopsWithinSeconds() {
        Api.Tenant tenant = Api.newHospital("Revoked elsewhere");
        tenant.call().get("/api/v1/devices").then().statusCode(200);   // remembered on this instance

        // Another instance on the same database revokes it (or an operator-key rotation there): only the row changes.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update ApiKey k set k.revokedAt = :now where k.hospitalId = :h")
                .setParameter("now", Instant.now()).setParameter("h", tenant.id()).executeUpdate());

        // The cache keeps keys for minutes; only the revocation poll can stop this one in time.
        await().atMost(poll.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> tenant.call().get("/api/v1/devices").statusCode() == 401);
        assertEquals(401, tenant.call().get("/api/v1/hospitals/me").statusCode());
    }
}
