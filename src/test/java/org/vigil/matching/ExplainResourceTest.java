package org.vigil.matching;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.support.Api;

/** {@code GET /api/v1/devices/{id}/explain}: why a device is, or is not, affected, leaf by leaf, per hospital. */
@QuarkusTest
class ExplainResourceTest {

    @Inject
    AdvisoryService advisories;

    private static String device(Api.Tenant t, String manufacturer, String model, String version) {
        Map<String, Object> d = new java.util.HashMap<>();
        d.put("assetId", "EX-" + UUID.randomUUID().toString().substring(0, 8));
        d.put("manufacturer", manufacturer);
        d.put("model", model);
        d.put("version", version);
        return t.call().contentType(ContentType.JSON).body(d).post("/api/v1/devices").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void explainsAMatchAVersionOutsideAndAnotherCompany() {
        Api.Tenant a = Api.newHospital("Explain A");
        String id = "ICSMA-26-9" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Quillon Health", "QMX8000 Patient Monitor", "<= 2.0.8"),
                Drafts.product("CSAFPID-0002", "Quillon Health", "QMX50D Pulse Oximeter", "<= 1.2"))));
        String inside = device(a, "Quillon Medical Systems Co., Ltd.", "QMX 8000", "FW v2.0.6");
        String above = device(a, "Quillon", "QMX-8000 monitor", "3.0.1");
        String other = device(a, "Acme Biomed", "QMX 8000", "2.0.6");

        a.call().get("/api/v1/devices/" + inside + "/explain?advisoryId=" + id).then().statusCode(200)
                .body("deviceId", equalTo(inside)).body("advisoryId", equalTo(id))
                .body("matched", equalTo(true)).body("confidence", equalTo("CONFIRMED"))
                .body("needsReview", equalTo(false))
                .body("products", hasSize(2))
                .body("products[0].decision", equalTo("MATCH"))
                .body("products[0].productEvidence.level", equalTo("STRONG"))
                .body("products[0].productEvidence.named", hasItem("qmx8000"))
                .body("products[0].versionVerdict", equalTo("IN"))
                .body("products[0].reasons", hasItem("version 'FW v2.0.6' within '<= 2.0.8'"))
                .body("products[1].decision", equalTo("NO_MATCH"))
                .body("products[1].productEvidence.level", equalTo("CONFLICT"))
                .body("products[1].reasons", hasItem(containsString("has model number qmx8000")));

        a.call().get("/api/v1/devices/" + above + "/explain?advisoryId=" + id).then().statusCode(200)
                .body("matched", equalTo(false)).body("confidence", nullValue())
                .body("reasons[0]", containsString("outside every affected range"))
                .body("products[0].company", containsString("vendor 'Quillon Health'"))
                .body("products[0].versionVerdict", equalTo("OUT"))
                .body("products[0].decision", equalTo("NO_MATCH"))
                .body("products[0].reasons", hasItem("version '3.0.1' outside '<= 2.0.8'"));

        a.call().get("/api/v1/devices/" + other + "/explain?advisoryId=" + id).then().statusCode(200)
                .body("matched", equalTo(false))
                .body("reasons[0]", equalTo("no product of the advisory is made by the device's manufacturer"))
                .body("products[0].company", nullValue())
                .body("products[0].reasons[0]", containsString("manufacturer 'Acme Biomed' is not vendor 'Quillon Health'"));
        // The finding list agrees with explain.
        a.call().get("/api/v1/findings?advisoryId=" + id).then().body("total", equalTo(1))
                .body("items[0].device.id", equalTo(inside));
    }

    @Test
    void otherHospitalsUnknownAdvisoriesAndBadQueries() {
        Api.Tenant a = Api.newHospital("Explain owner");
        Api.Tenant b = Api.newHospital("Explain stranger");
        String id = "ICSMA-26-8" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Quillon Health", "QMX8000 Patient Monitor", "vers:all/*"))));
        String mine = device(a, "Quillon", "QMX8000", "2.0.6");
        b.call().get("/api/v1/devices/" + mine + "/explain?advisoryId=" + id).then().statusCode(404)
                .contentType("application/problem+json");
        a.call().get("/api/v1/devices/" + mine + "/explain?advisoryId=ICSMA-00-000-00").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("ICSMA-00-000-00"));
        a.call().get("/api/v1/devices/" + mine + "/explain").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("advisoryId"));
        a.call().get("/api/v1/devices/" + mine + "/explain?advisoryID=" + id).then().statusCode(400);
        a.call().get("/api/v1/devices/not-a-uuid/explain?advisoryId=" + id).then().statusCode(400);
    }
}
