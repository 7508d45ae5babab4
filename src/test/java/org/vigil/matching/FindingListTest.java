package org.vigil.matching;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
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

/** The findings list as a client pages through it: order, totals, filters, summaries, a removed device. */
@QuarkusTest
class FindingListTest {

    @Inject
    AdvisoryService advisories;

    @Test
    void pagesNewestFirstWithTheirTotals() {
        Api.Tenant a = Api.newHospital("List A");
        Api.Tenant b = Api.newHospital("List B");
        String maker = "Listmaker " + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            device(a, "L-" + i, maker);
        }
        device(b, "B-1", maker);
        String older = publish(maker, "ICSMA-97-");
        String newer = publish(maker, "ICSMA-98-");

        a.call().get("/api/v1/findings?size=4").then().statusCode(200)
                .body("total", equalTo(6)).body("page", equalTo(0)).body("size", equalTo(4)).body("items", hasSize(4))
                .body("items[0..2].advisory.id", everyItem(equalTo(newer)))
                .body("items[3].advisory.id", equalTo(older));
        a.call().get("/api/v1/findings?size=4&page=1").then()
                .body("total", equalTo(6)).body("items", hasSize(2)).body("items.advisory.id", everyItem(equalTo(older)));
        a.call().get("/api/v1/findings?size=4&page=2").then().body("total", equalTo(6)).body("items", hasSize(0));
        a.call().get("/api/v1/findings?size=3").then().body("total", equalTo(6)).body("items", hasSize(3));
        a.call().get("/api/v1/findings").then().body("total", equalTo(6)).body("items", hasSize(6));
        b.call().get("/api/v1/findings").then().body("total", equalTo(2)).body("items.device.assetId",
                everyItem(equalTo("B-1")));
    }

    @Test
    void filtersAndSummaries() {
        Api.Tenant a = Api.newHospital("List filters");
        String maker = "Filtermaker " + UUID.randomUUID().toString().substring(0, 6);
        String kept = device(a, "F-1", maker);
        String removed = device(a, "F-2", maker);
        String id = publish(maker, "ICSMA-96-");

        a.call().get("/api/v1/findings?advisoryId=" + id + "&severity=high&state=OPEN&confidence=LIKELY&since=2020-01-01")
                .then().statusCode(200).body("total", equalTo(2));
        a.call().get("/api/v1/findings?severity=LOW").then().body("total", equalTo(0));
        a.call().get("/api/v1/findings?since=2999-01-01").then().body("total", equalTo(0));
        a.call().get("/api/v1/findings?deviceId=" + kept).then().body("total", equalTo(1))
                .body("items[0].device.assetId", equalTo("F-1")).body("items[0].device.manufacturer", equalTo(maker))
                .body("items[0].device.model", equalTo("Pump QX-7")).body("items[0].device.quantity", equalTo(2))
                .body("items[0].device.location", equalTo("Ward 3"))
                .body("items[0].advisory.title", equalTo("Test advisory " + id))
                .body("items[0].advisory.source", equalTo("cisa-csaf"))
                .body("items[0].advisory.severity", equalTo("HIGH")).body("items[0].advisory.cvssMax", equalTo(7.5f))
                .body("items[0].advisory.kev", equalTo(false)).body("items[0].advisory.revision", equalTo("1"))
                .body("items[0].advisory.url", equalTo("https://example.org/" + id))
                .body("items[0].advisory.published", equalTo("2025-01-30T00:00:00Z"))
                .body("items[0].reasons[0]", org.hamcrest.Matchers.startsWith("manufacturer '" + maker + "'"))
                .body("items[0].needsReview", equalTo(false))
                .body("items[0].firstSeen", org.hamcrest.Matchers.notNullValue());
        a.call().get("/api/v1/findings?state=BOGUS").then().statusCode(400).body("detail", org.hamcrest.Matchers
                .containsString("state"));

        a.call().delete("/api/v1/devices/" + removed).then().statusCode(204);
        a.call().get("/api/v1/findings?deviceId=" + removed).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].device.id", equalTo(removed)).body("items[0].device.assetId", nullValue())
                .body("items[0].state", equalTo("RESOLVED"))
                .body("items[0].resolution", equalTo("device removed from the inventory"));
    }

    private static String device(Api.Tenant t, String asset, String maker) {
        return t.call().contentType(ContentType.JSON).body(Map.of("assetId", asset, "manufacturer", maker,
                "model", "Pump QX-7", "quantity", 2, "location", "Ward 3")).post("/api/v1/devices")
                .then().statusCode(201).extract().path("id");
    }

    private String publish(String maker, String prefix) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        advisories.upsert(Drafts.csaf(id, "1", List.of(Drafts.product("CSAFPID-0001", maker, "Pump QX-7", "vers:all/*")),
                "CVE-2099-1234"));
        return id;
    }
}
