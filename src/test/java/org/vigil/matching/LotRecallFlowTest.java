package org.vigil.matching;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;
import org.vigil.support.Api;

/** A lot-scoped recall reaches the recalled units only, both when it arrives and when a device's lot changes. */
@QuarkusTest
class LotRecallFlowTest {

    @Inject
    AdvisoryService advisories;

    private static String kit(Api.Tenant t, String asset, String lot, String serial) {
        Map<String, Object> d = new java.util.HashMap<>();
        d.put("assetId", asset);
        d.put("manufacturer", "Immundiagnostik AG");
        d.put("model", "IDK Calprotectin ELISA K6870");
        d.put("lotNumber", lot);
        d.put("serialNumber", serial);
        return t.call().contentType(ContentType.JSON).body(d).post("/api/v1/devices").then().statusCode(201)
                .extract().path("id");
    }

    private static AdvisoryDraft recall(String id) {
        AdvisoryDraft.Product product = new AdvisoryDraft.Product(id, "Immundiagnostik AG",
                "IDK Calprotectin ELISA K6870", null, ProductStatus.AFFECTED, "NQT", List.of("K6870"), List.of("K6870"),
                List.of("04050598000582"), List.of("220706", "221122"), List.of());
        return new AdvisoryDraft(id, "fda-recall", "Immundiagnostik AG: recall of IDK Calprotectin ELISA", "false "
                + "low results", "https://www.accessdata.fda.gov/" + id, Instant.parse("2023-05-01T00:00:00Z"),
                Instant.parse("2023-05-01T00:00:00Z"), "a1b2c3", Severity.HIGH, "Ongoing", List.of(), List.of(product),
                List.of(), List.of(), List.of(), Map.of("codeInfo", "Lot Numbers: 220706, 221122"),
                new AdvisoryDraft.Provenance(null, Verification.UNVERIFIED, "test", null), "{}");
    }

    @Test
    void recalledLotIsConfirmedOtherLotHasNoFindingUnknownLotIsForReview() {
        Api.Tenant t = Api.newHospital("Lots");
        String listed = kit(t, "LAB-1", "221122", null);
        String other = kit(t, "LAB-2", "230999", null);
        String unknown = kit(t, "LAB-3", null, null);
        String id = "Z-" + UUID.randomUUID().toString().substring(0, 4) + "-2023";
        advisories.upsert(recall(id));

        t.call().get("/api/v1/findings?advisoryId=" + id).then().statusCode(200).body("total", equalTo(2));
        t.call().get("/api/v1/devices/" + listed + "/findings").then()
                .body("items[0].confidence", equalTo("CONFIRMED"))
                .body("items[0].reasons", hasItem("lot '221122' is among the recalled lots"));
        t.call().get("/api/v1/devices/" + unknown + "/findings").then()
                .body("items[0].confidence", equalTo("POSSIBLE"))
                .body("items[0].needsReview", equalTo(true))
                .body("items[0].reasons", hasItem(containsString("this device has no lot recorded")));
        t.call().get("/api/v1/devices/" + other + "/findings").then().body("total", equalTo(0));

        // the biomed reads the label of LAB-2 again: it is a recalled lot after all
        Map<String, Object> fixed = Map.of("assetId", "LAB-2", "manufacturer", "Immundiagnostik AG",
                "model", "IDK Calprotectin ELISA K6870", "lotNumber", "220706");
        t.call().contentType(ContentType.JSON).body(fixed).put("/api/v1/devices/" + other).then().statusCode(200);
        t.call().get("/api/v1/devices/" + other + "/findings").then().body("total", equalTo(1))
                .body("items[0].confidence", equalTo("CONFIRMED"));

        // the full re-match shares one result per model between the units, then narrows it per unit
        String spare = kit(t, "LAB-4", "999999", "SN-4");
        MatchingFlowTest.awaitRun(Api.asOperator().post("/api/v1/matching/rematch").then().statusCode(202)
                .extract().path("id"));
        t.call().get("/api/v1/findings?advisoryId=" + id).then().body("total", equalTo(3));
        t.call().get("/api/v1/devices/" + spare + "/findings").then().body("total", equalTo(0));
        t.call().get("/api/v1/devices/" + listed + "/findings").then().body("items[0].confidence", equalTo("CONFIRMED"));
    }
}
