package org.vigil.ingest.gudid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;
import org.vigil.support.Api;

/** GUDID enrichment in the background against a WireMock AccessGUDID. */
@QuarkusTest
@WithTestResource(GudidWireMock.class)
class GudidEnrichmentTest {

    @Inject
    AdvisoryService advisories;

    private static JsonPath awaitStatus(Api.Tenant t, String id, String status) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = t.call().get("/api/v1/devices/" + id).then().statusCode(200).extract().jsonPath();
            return status.equals(last[0].getString("gudid.status"));
        });
        return last[0];
    }

    private static String create(Api.Tenant t, Map<String, Object> body) {
        return t.call().contentType(ContentType.JSON).body(body).post("/api/v1/devices").then().statusCode(201)
                .body("gudid.status", equalTo("PENDING")).extract().path("id");
    }

    @Test
    void aDeviceGivenByItsUdiIsNamedByGudidThenMatched() {
        String id = "ZZ-GUDID-" + Instant.now().toEpochMilli();
        advisories.upsert(new AdvisoryDraft(id, "fda-recall", "Baxter: recall of Sigma Spectrum", "battery", "https://x/"
                + id, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"), "r1", Severity.HIGH,
                "Ongoing", List.of(), List.of(new AdvisoryDraft.Product(id, "Baxter Healthcare Corporation",
                        "Sigma Spectrum Infusion System", null, ProductStatus.AFFECTED, "FRN", List.of(), List.of(),
                        List.of())), List.of(), List.of(), List.of(), Map.of(),
                new AdvisoryDraft.Provenance(null, Verification.UNVERIFIED, "test", null), "{}"));
        Api.Tenant t = Api.newHospital("GUDID");
        String scanned = create(t, Map.of("assetId", "G-1", "udi", "(01)00884838101180(21)SP99"));
        JsonPath d = awaitStatus(t, scanned, "ENRICHED");
        org.junit.jupiter.api.Assertions.assertEquals("BAXTER HEALTHCARE CORPORATION", d.getString("manufacturer"));
        org.junit.jupiter.api.Assertions.assertEquals("Sigma Spectrum 35700BAX2", d.getString("model"));
        org.junit.jupiter.api.Assertions.assertEquals("FRN", d.getString("productCode"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("manufacturer", "model", "catalogNumber", "productCode"),
                d.getList("gudid.filled"));
        org.junit.jupiter.api.Assertions.assertEquals("Sigma Spectrum", d.getString("gudid.record.brandName"));
        org.junit.jupiter.api.Assertions.assertEquals("SP99", d.getString("serialNumber"));
        // enrichment changed the device, so it was matched again: now it has the finding
        t.call().get("/api/v1/devices/" + scanned + "/findings").then().body("total", equalTo(1))
                .body("items[0].advisory.id", equalTo(id));

        // the hospital's own values stay; only blanks are filled; the cached record serves the second device
        String named = create(t, Map.of("assetId", "G-2", "manufacturer", "Baxter", "model", "Spectrum pump",
                "udiDi", "00884838101180"));
        JsonPath n = awaitStatus(t, named, "ENRICHED");
        org.junit.jupiter.api.Assertions.assertEquals("Baxter", n.getString("manufacturer"));
        org.junit.jupiter.api.Assertions.assertEquals("Spectrum pump", n.getString("model"));
        org.junit.jupiter.api.Assertions.assertEquals("35700BAX2", n.getString("catalogNumber"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("catalogNumber", "productCode"), n.getList("gudid.filled"));
        GudidWireMock.server.verify(exactly(1), getRequestedFor(urlPathEqualTo(GudidWireMock.LOOKUP))
                .withQueryParam("di", com.github.tomakehurst.wiremock.client.WireMock.equalTo("00884838101180")));
    }

    @Test
    void unknownDisAndFailuresShowOnTheDeviceAndInSourcesAndAreRetried() {
        Api.Tenant t = Api.newHospital("GUDID failures");
        String unknown = create(t, Map.of("manufacturer", "Acme", "model", "X1", "udiDi", "00850007000028"));
        JsonPath u = awaitStatus(t, unknown, "NOT_FOUND");
        org.junit.jupiter.api.Assertions.assertEquals("AccessGUDID has no device with DI 00850007000028",
                u.getString("gudid.error"));

        var outage = GudidWireMock.server.stubFor(get(urlPathEqualTo(GudidWireMock.LOOKUP))
                .withQueryParam("di", com.github.tomakehurst.wiremock.client.WireMock.equalTo("00844505000772"))
                .atPriority(0).willReturn(aResponse().withStatus(503)));
        String failing = create(t, Map.of("manufacturer", "Grace Medical", "model", "Stapes prosthesis",
                "udiDi", "00844505000772"));
        JsonPath f = awaitStatus(t, failing, "FAILED");
        org.junit.jupiter.api.Assertions.assertTrue(f.getString("gudid.error").contains("HTTP 503"), f.prettify());
        Api.asOperator().get("/api/v1/sources").then().statusCode(200)
                .body("find { it.name == 'gudid' }.enabled", equalTo(true))
                .body("name", hasItem("gudid"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.asOperator().get("/api/v1/sources")
                .jsonPath().getString("find { it.name == 'gudid' }.lastError") != null);
        Api.asOperator().get("/api/v1/sources").then()
                .body("find { it.name == 'gudid' }.lastError", containsString("HTTP 503"));

        GudidWireMock.server.removeStub(outage);
        JsonPath ok = awaitStatus(t, failing, "ENRICHED");
        org.junit.jupiter.api.Assertions.assertEquals("ETB", ok.getString("productCode"));
        org.junit.jupiter.api.Assertions.assertEquals("Grace Medical", ok.getString("manufacturer"));
    }
}
