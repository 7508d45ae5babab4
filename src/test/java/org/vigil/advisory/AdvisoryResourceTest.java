package org.vigil.advisory;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDraft.Cve;
import org.vigil.advisory.AdvisoryDraft.Product;
import org.vigil.advisory.AdvisoryDraft.Provenance;
import org.vigil.support.Api;

@QuarkusTest
class AdvisoryResourceTest {

    @Inject
    AdvisoryService advisories;

    String source;
    String tag;

    @BeforeEach
    void catalogue() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        source = "api-" + tag;
        store("API-" + tag + "-1", "Infusion pump " + tag, "Pumpco " + tag, "Flowline", 9.8, "CVE-2099-1001",
                Instant.parse("2025-01-30T07:00:00Z"));
        store("API-" + tag + "-2", "Patient monitor", "Monico " + tag, "Vitalview " + tag, 5.9, "CVE-2099-1002",
                Instant.parse("2025-03-01T07:00:00Z"));
        store("API-" + tag + "-3", "Ventilator", "Ventco " + tag, "Breathe", null, null, Instant.parse("2025-04-01T07:00:00Z"));
    }

    private void store(String id, String title, String vendor, String product, Double score, String cve, Instant updated) {
        List<Cve> cves = cve == null ? List.of() : List.of(new Cve(cve, "CWE-787", "Out-of-bounds Write", "summary",
                "3.1", "CVSS:3.1/AV:N", score, Severity.ofCvss(score).name(), List.of("P1")));
        advisories.upsert(new AdvisoryDraft(id, source, title, "summary", "https://example.org/" + id, updated, updated,
                "1", Severity.ofCvss(score), "final", cves,
                List.of(new Product("P1", vendor, product, "vers:all/*", ProductStatus.AFFECTED, null, List.of(),
                        List.of(), List.of())),
                List.of(new AdvisoryDraft.Remediation("mitigation", "Disconnect it.", null, List.of("P1"))), List.of(),
                List.of(new AdvisoryDraft.Revision("1", updated, "Initial Publication", "Initial")), Map.of(),
                new Provenance("sha512:00", Verification.UNVERIFIED, "SHA-512 matches", null), "{\"raw\":\"" + id + "\"}"));
    }

    @Test
    void listsNewestFirstWithPaging() {
        Api.asOperator().get("/api/v1/advisories?source=" + source + "&size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("items.id", contains("API-" + tag + "-3", "API-" + tag + "-2"));
        Api.asOperator().get("/api/v1/advisories?source=" + source + "&size=2&page=1").then()
                .body("items.id", contains("API-" + tag + "-1"));
    }

    @Test
    void filtersBySeverityTextCveKevAndDate() {
        String base = "/api/v1/advisories?source=" + source;
        Api.asOperator().get(base + "&severity=critical").then().body("items.id", contains("API-" + tag + "-1"));
        Api.asOperator().get(base + "&severity=MEDIUM,UNKNOWN").then()
                .body("items.id", containsInAnyOrder("API-" + tag + "-2", "API-" + tag + "-3"));
        // Vendor and product names carry the run's tag so that no other test's inventory matches them.
        Api.asOperator().get(base + "&q=monico").then().body("items.id", contains("API-" + tag + "-2"));
        Api.asOperator().get(base + "&q=VITALVIEW " + tag).then().body("items.id", contains("API-" + tag + "-2"));
        Api.asOperator().get(base + "&q=pump " + tag).then().body("items.id", contains("API-" + tag + "-1"));
        Api.asOperator().get(base + "&cve=cve-2099-1001").then().body("items.id", contains("API-" + tag + "-1"));
        Api.asOperator().get(base + "&kev=false").then().body("total", equalTo(3));
        Api.asOperator().get(base + "&kev=true").then().body("total", equalTo(0));
        // since matches the source's updated date or when Vigil last saw a change: all three were stored just now.
        Api.asOperator().get(base + "&since=2025-03-15").then().body("total", equalTo(3));
        Api.asOperator().get(base + "&since=2999-01-01T00:00:00Z").then().body("total", equalTo(0));
        Api.asOperator().get("/api/v1/advisories?source=" + source + "&q=%25").then().body("total", equalTo(0));
    }

    @Test
    void hospitalKeysReadTheCatalogueAndDetails() {
        Api.Tenant t = Api.newHospital("Advisory reader");
        t.call().get("/api/v1/advisories?source=" + source).then().statusCode(200).body("total", equalTo(3));
        t.call().get("/api/v1/advisories/API-" + tag + "-1").then().statusCode(200)
                .body("products[0].versionText", equalTo("vers:all/*"))
                .body("products[0].versionRange", equalTo("*"))
                .body("cves[0].cvssScore", equalTo(9.8f))
                .body("cves[0].kev", equalTo(false))
                .body("remediations[0].details", equalTo("Disconnect it."))
                .body("revisionHistory[0].legacyVersion", equalTo("Initial"))
                .body("changes.type", hasItem("PUBLISHED"))
                .body("provenance.verification", equalTo("UNVERIFIED"))
                .body("provenance.documentHash", equalTo("sha512:00"));
        t.call().get("/api/v1/advisories/API-" + tag + "-1/document").then().statusCode(200)
                .body("raw", equalTo("API-" + tag + "-1"));
        io.restassured.RestAssured.given().get("/api/v1/advisories").then().statusCode(401);
    }

    @Test
    void badParametersArePreciseProblems() {
        Api.asOperator().get("/api/v1/advisories?severity=SEVERE").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("severity"));
        Api.asOperator().get("/api/v1/advisories?since=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        Api.asOperator().get("/api/v1/advisories?kev=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("kev"));
        Api.asOperator().get("/api/v1/advisories?cve=1234").then().statusCode(400)
                .body("errors[0].field", equalTo("cve"));
        Api.asOperator().get("/api/v1/advisories?size=0").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        Api.asOperator().get("/api/v1/advisories/NOPE-1").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
