package org.vigil.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Test helpers that use the API the way a client does. */
public final class Api {

    /** The operator key set for the test profile in application.properties. */
    public static final String OPERATOR_KEY = "test-operator-key-0123456789abcdef";

    private Api() {
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    public static RequestSpecification asOperator() {
        return as(OPERATOR_KEY);
    }

    /** Creates a hospital with a unique name and returns its id and first key. */
    public static Tenant newHospital(String name) {
        var response = asOperator().contentType(ContentType.JSON)
                .body(Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 8),
                        "contactEmail", "ce@example.org"))
                .post("/api/v1/hospitals")
                .then().statusCode(201).extract();
        return new Tenant(UUID.fromString(response.path("id")), response.path("apiKey"));
    }

    public record Tenant(UUID id, String key) {
        public RequestSpecification call() {
            return as(key);
        }
    }
}
