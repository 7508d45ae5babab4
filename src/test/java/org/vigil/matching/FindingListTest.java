package org.vigil.matching;

import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.Severity;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.matching.finding.FindingService;
import org.vigil.matching.finding.FindingView;
import org.vigil.support.Api;

/** The findings list as a client pages through it: order, totals, filters, summaries, a removed device. */
@QuarkusTest
class FindingListTest {

    @Inject
    AdvisoryService advisories;

    @Inject
    FindingService findings;

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

    /** The console's orders and text search: the page is cut before the joins, so order and totals must still hold. */
    @Test
    void sortedAndSearchedPagesKeepTheirOrderAndTotals() {
        Api.Tenant a = Api.newHospital("List sorted");
        String maker = "Sortmaker " + UUID.randomUUID().toString().substring(0, 6);
        device(a, "S-1", maker);
        device(a, "S-2", maker);
        String high = publish(maker, "ICSMA-95-", Severity.HIGH);
        String critical = publish(maker, "ICSMA-94-", Severity.CRITICAL);
        String low = publish(maker, "ICSMA-93-", Severity.LOW);
        FindingService.Filter all = new FindingService.Filter(null, null, null, null, null, null);

        List<String> bySeverity = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Page<FindingView> p = findings.list(a.id(), all, new FindingService.Listing(null, "-severity"),
                    new PageRequest(page, 2));
            assertEquals(6, p.total());
            p.items().forEach(f -> bySeverity.add(f.advisory().id()));
        }
        assertEquals(List.of(critical, critical, high, high, low, low), bySeverity);

        Page<FindingView> searched = findings.list(a.id(), new FindingService.Filter(null, "LOW,CRITICAL", null, null,
                null, null), new FindingService.Listing("s-2", "severity"), new PageRequest(0, 10));
        assertEquals(2, searched.total());
        assertEquals(List.of(low, critical), searched.items().stream().map(f -> f.advisory().id()).toList());
        assertEquals(List.of("S-2", "S-2"), searched.items().stream().map(f -> f.device().assetId()).toList());
    }

    private static String device(Api.Tenant t, String asset, String maker) {
        return t.call().contentType(ContentType.JSON).body(Map.of("assetId", asset, "manufacturer", maker,
                "model", "Pump QX-7", "quantity", 2, "location", "Ward 3")).post("/api/v1/devices")
                .then().statusCode(201).extract().path("id");
    }

    private String publish(String maker, String prefix) {
        return publish(maker, prefix, Severity.HIGH);
    }

    private String publish(String maker, String prefix, Severity severity) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        AdvisoryDraft d = Drafts.csaf(id, "1", List.of(Drafts.product("CSAFPID-0001", maker, "Pump QX-7", "vers:all/*")),
                "CVE-2099-1234");
        advisories.upsert(new AdvisoryDraft(d.id(), d.source(), d.title(), d.summary(), d.url(), d.published(),
                d.updated(), d.revision(), severity, d.status(), d.cves(), d.products(), d.remediations(),
                d.references(), d.revisionHistory(), d.details(), d.provenance(), d.rawDocument()));
        return id;
    }
}
