package org.vigil.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

@QuarkusTest
class HospitalResourceTest {

    @Test
    void operatorCreatesHospitalAndTheKeyIsShownOnce() {
        var created = Api.asOperator().contentType(ContentType.JSON)
                .body(Map.of("name", "St. Elsewhere", "contactEmail", "biomed@elsewhere.org"))
                .post("/api/v1/hospitals")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("apiKey", startsWith("vgl_"))
                .body("name", equalTo("St. Elsewhere"))
                .extract();
        String key = created.path("apiKey");
        String id = created.path("id");

        Api.as(key).get("/api/v1/hospitals/me").then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("St. Elsewhere"))
                .body("$", not(org.hamcrest.Matchers.hasKey("apiKey")));
        Api.as(key).get("/api/v1/hospitals/" + id + "/api-keys").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].prefix", equalTo(key.substring(0, 12)))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("apiKey")));
    }

    @Test
    void missingOrWrongKeyIs401ProblemJson() {
        given().get("/api/v1/devices").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
        Api.as("vgl_not-a-real-key").get("/api/v1/devices").then().statusCode(401)
                .contentType("application/problem+json").body("detail", notNullValue());
        given().header("Authorization", "Basic abc").get("/api/v1/hospitals/me").then().statusCode(401);
    }

    @Test
    void hospitalKeyCannotUseOperatorPaths() {
        Api.Tenant tenant = Api.newHospital("Mercy");
        tenant.call().contentType(ContentType.JSON).body(Map.of("name", "Sneaky"))
                .post("/api/v1/hospitals").then().statusCode(403)
                .contentType("application/problem+json");
        tenant.call().get("/api/v1/hospitals").then().statusCode(403);
    }

    @Test
    void hospitalSeesOnlyItself() {
        Api.Tenant a = Api.newHospital("A");
        Api.Tenant b = Api.newHospital("B");
        b.call().get("/api/v1/hospitals/" + a.id()).then().statusCode(404)
                .contentType("application/problem+json");
        b.call().post("/api/v1/hospitals/" + a.id() + "/api-keys").then().statusCode(404);
        // Oldest first, and the shared test database may hold more than a page of other tests' hospitals.
        int total = Api.asOperator().get("/api/v1/hospitals?size=1").then().statusCode(200).extract().path("total");
        List<String> all = new java.util.ArrayList<>();
        for (int page = 0; page * 500 < total; page++) {
            all.addAll(Api.asOperator().get("/api/v1/hospitals?size=500&page=" + page).then().statusCode(200)
                    .extract().path("items.id"));
        }
        org.hamcrest.MatcherAssert.assertThat(all, hasItem(a.id().toString()));
    }

    @Test
    void secondKeyWorksAndRevokedKeyStops() {
        Api.Tenant tenant = Api.newHospital("Keys");
        var issued = tenant.call().post("/api/v1/hospitals/" + tenant.id() + "/api-keys")
                .then().statusCode(201).extract();
        String second = issued.path("apiKey");
        assertNotEquals(tenant.key(), second);
        Api.as(second).get("/api/v1/hospitals/me").then().statusCode(200);

        tenant.call().delete("/api/v1/hospitals/" + tenant.id() + "/api-keys/" + issued.path("id"))
                .then().statusCode(204);
        Api.as(second).get("/api/v1/hospitals/me").then().statusCode(401);
        tenant.call().get("/api/v1/hospitals/me").then().statusCode(200);
    }

    @Test
    void invalidHospitalNamesTheField() {
        Api.asOperator().contentType(ContentType.JSON).body(Map.of("name", " ", "contactEmail", "nope"))
                .post("/api/v1/hospitals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("contactEmail"));
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() {
        Api.asOperator().contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .post("/api/v1/hospitals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("Malformed JSON"))
                .body("detail", not(org.hamcrest.Matchers.containsString("com.fasterxml")));
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        Api.asOperator().contentType("application/xml").body("<x/>")
                .post("/api/v1/hospitals").then().statusCode(415)
                .contentType("application/problem+json");
    }
}
