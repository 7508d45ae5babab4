package org.vigil.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/**
 * {@code vigil.management.protect=true}: metrics, OpenAPI, Swagger UI and full health answer only the operator key;
 * the orchestrator's probes stay open. PlatformEndpointsTest shows the same paths open by default.
 */
@QuarkusTest
@TestProfile(ManagementProtectTest.Protected.class)
class ManagementProtectTest {

    public static class Protected implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.management.protect", "true");
        }
    }

    private static final String[] PROTECTED = {"/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/health"};

    @Test
    void withoutAKeyEveryManagementPathIsRefusedAsProblemJson() {
        for (String path : PROTECTED) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401)).body("instance", equalTo(path))
                    .body(not(containsString("jvm_memory_used_bytes")));
        }
    }

    @Test
    void anUnknownKeyIsRefused() {
        Api.as("not-a-key-0123456789abcdefghijkl").get("/q/metrics").then().statusCode(401)
                .body("detail", equalTo("Unknown or revoked API key"));
    }

    @Test
    void aHospitalKeyIsForbidden() {
        Api.Tenant t = Api.newHospital("Mgmt");
        for (String path : PROTECTED) {
            t.call().get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("Management endpoints need the operator key"));
        }
        // The hospital key still works where it belongs.
        t.call().get("/api/v1/devices").then().statusCode(200);
    }

    @Test
    void theOperatorKeyReadsThem() {
        Api.asOperator().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        Api.asOperator().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/devices/import"));
        Api.asOperator().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        Api.asOperator().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theProbesStayOpen() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void aDetourThroughAnOpenPathOrADoubleSlashIsStillRefused() {
        given().urlEncodingEnabled(false).get("/q/health/live/../../metrics").then().statusCode(401);
        given().urlEncodingEnabled(false).get("/q//metrics").then().statusCode(401);
        given().urlEncodingEnabled(false).get("/q/health/live/%2e%2e/%2e%2e/metrics").then().statusCode(401);
    }
}
