package org.vigil.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/** Mistakes that used to be silently accepted or answered 404 are 400s that say what to fix. */
@QuarkusTest
class StrictApiTest {

    @Test
    void unknownQueryParametersAreNamedWithTheAcceptedOnes() {
        Api.Tenant t = Api.newHospital("Strict");
        t.call().get("/api/v1/findings?sevrity=CRITICAL").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Unknown query parameter 'sevrity' (did you mean 'severity'?)"))
                .body("detail", containsString("accepted: state, severity, confidence"))
                .body("errors[0].field", equalTo("sevrity"));
        t.call().get("/api/v1/devices?limit=1").then().statusCode(400)
                .body("detail", containsString("'limit' (did you mean 'size'?)"))
                .body("detail", containsString("accepted: manufacturer, q, page, size"));
        t.call().get("/api/v1/hospitals/me?verbose=true").then().statusCode(400)
                .body("detail", containsString("this endpoint takes no query parameters"));
        t.call().get("/api/v1/devices?size=2&size=3").then().statusCode(400)
                .body("errors[0].field", equalTo("size")).body("detail", containsString("given 2 times"));
    }

    @Test
    void malformedValuesAre400NotFound() {
        Api.Tenant t = Api.newHospital("Malformed");
        t.call().get("/api/v1/devices?page=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("page")).body("detail", equalTo("page: 'abc' is not a whole number"));
        t.call().get("/api/v1/devices/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id")).body("detail", containsString("is not a UUID"));
        t.call().contentType("text/csv").queryParam("dryRun", "yes").body("manufacturer,model\nGE,B40\n")
                .post("/api/v1/devices/import").then().statusCode(400)
                .body("detail", equalTo("dryRun: 'yes' is not true or false"));
        t.call().get("/api/v1/devices").then().body("total", equalTo(0));
    }

    @Test
    void unknownJsonFieldsAreNamedWithTheAcceptedOnes() {
        Api.Tenant t = Api.newHospital("Unknown fields");
        t.call().contentType(ContentType.JSON)
                .body("{\"manufacturer\":\"GE\",\"model\":\"B40\",\"serial\":\"S1\"}").post("/api/v1/devices")
                .then().statusCode(400)
                .body("detail", containsString("Unknown field 'serial'"))
                .body("detail", containsString("accepted: assetId, catalogNumber, department, location, lotNumber, "
                        + "manufacturer, model"))
                .body("errors[0].field", equalTo("serial"));
        t.call().get("/api/v1/devices").then().body("total", equalTo(0));
    }

    @Test
    void unsupportedMediaTypeNamesTheAcceptedOnes() {
        Api.Tenant t = Api.newHospital("415");
        t.call().contentType("text/plain").body("manufacturer=GE").post("/api/v1/devices").then().statusCode(415)
                .body("detail", startsWith("POST /api/v1/devices accepts application/json; this request has "
                        + "Content-Type text/plain"));
    }
}
