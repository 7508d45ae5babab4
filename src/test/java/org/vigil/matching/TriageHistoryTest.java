package org.vigil.matching;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.api.PageRequest;
import org.vigil.support.Api;
import org.vigil.tenancy.ApiKeys;

/** Triage changes only what it is given, and every change (by a person or by Vigil) is in the history. */
@QuarkusTest
class TriageHistoryTest {

    @Inject
    AdvisoryService advisories;

    private String advisory() {
        String id = "ICSMA-99-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        advisories.upsert(Drafts.csaf(id, "1", List.of(Drafts.product("CSAFPID-0001", "Contec Health",
                "CMS8000 Patient Monitor", "vers:all/*")), "CVE-2025-0626"));
        return id;
    }

    /** A new Contec CMS 8000 in the hospital and its finding for this test's own advisory. */
    private static String finding(Api.Tenant t, String advisoryId) {
        String deviceId = t.call().contentType(ContentType.JSON).body(Map.of("assetId", "BM-" + UUID.randomUUID(),
                "manufacturer", "Contec", "model", "CMS 8000")).post("/api/v1/devices").then().statusCode(201)
                .extract().path("id");
        return t.call().get("/api/v1/findings?advisoryId=" + advisoryId + "&deviceId=" + deviceId).then()
                .body("total", equalTo(1)).extract().path("items[0].id");
    }

    /**
     * The ids of the hospital's findings whose state and severity (any when null) are among those given, worked out
     * from its whole unfiltered list. The advisory catalogue is shared by every hospital: a new Contec CMS 8000 also
     * matches any CMS8000 advisory that another test left in it, so the hospital owns more findings than this test
     * made whenever such a test ran before it in the same database.
     */
    private static List<String> expected(Api.Tenant t, Set<String> states, Set<String> severities) {
        JsonPath all = t.call().get("/api/v1/findings?size=" + PageRequest.MAX_SIZE).then().statusCode(200)
                .extract().jsonPath();
        Assertions.assertTrue(all.getInt("total") <= PageRequest.MAX_SIZE, "the hospital's findings fit on one page");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < all.getList("items").size(); i++) {
            String item = "items[" + i + "]";
            if (states.contains(all.getString(item + ".state"))
                    && (severities == null || severities.contains(all.getString(item + ".advisory.severity")))) {
                ids.add(all.getString(item + ".id"));
            }
        }
        return ids;
    }

    /** The hospital's findings for the query are exactly the given ones, in any order. */
    private static void assertSameFindings(List<String> ids, Api.Tenant t, String query) {
        JsonPath found = t.call().get("/api/v1/findings?" + query + "&size=" + PageRequest.MAX_SIZE).then()
                .statusCode(200).extract().jsonPath();
        Assertions.assertEquals(ids.size(), found.getInt("total"), query);
        Assertions.assertEquals(new TreeSet<>(ids), new TreeSet<>(found.getList("items.id", String.class)), query);
    }

    private static io.restassured.response.ValidatableResponse patch(Api.Tenant t, String id, String json) {
        return t.call().contentType(ContentType.JSON).body(json).patch("/api/v1/findings/" + id).then();
    }

    @Test
    void patchChangesOnlyWhatItIsGivenAndTheHistoryKeepsEveryStep() {
        Api.Tenant t = Api.newHospital("Triage");
        String advisoryId = advisory();
        String id = finding(t, advisoryId);
        t.call().get("/api/v1/findings/" + id).then().statusCode(200).body("state", equalTo("OPEN"))
                .body("advisory.id", equalTo(advisoryId));
        Api.newHospital("Other").call().get("/api/v1/findings/" + id).then().statusCode(404);
        t.call().get("/api/v1/findings/not-an-id").then().statusCode(400).body("errors[0].field", equalTo("id"));

        patch(t, id, "{\"state\":\"ACKNOWLEDGED\",\"justification\":\"ticket BIO-123\"}").statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED")).body("justification", equalTo("ticket BIO-123"));
        patch(t, id, "{\"state\":\"OPEN\"}").statusCode(200).body("state", equalTo("OPEN"))
                .body("justification", equalTo("ticket BIO-123"));
        patch(t, id, "{\"state\":\"MITIGATED\",\"justification\":\"VLAN 12, ticket BIO-123\"}").statusCode(200);
        patch(t, id, "{\"state\":\"NOT_AFFECTED\",\"justification\":null}").statusCode(400)
                .body("errors[0].field", equalTo("justification"))
                .body("detail", containsString("is required for NOT_AFFECTED"));
        patch(t, id, "{\"justification\":null}").statusCode(200).body("state", equalTo("MITIGATED"))
                .body("justification", nullValue());
        patch(t, id, "{\"state\":\"MITIGATED\"}").statusCode(200);   // no change: no history entry
        patch(t, id, "{\"state\":\"MITIGATED\",\"colour\":\"red\"}").statusCode(400)
                .body("detail", equalTo("Unknown field 'colour'; accepted: justification, state"));
        patch(t, id, "{}").statusCode(400).body("detail", containsString("Nothing to change"));
        patch(t, id, "{\"state\":\"DONE\"}").statusCode(400)
                .body("detail", containsString("'DONE' is not one of [OPEN, ACKNOWLEDGED, MITIGATED, RESOLVED"));

        String who = ApiKeys.prefix(t.key());
        t.call().get("/api/v1/findings/" + id + "/history").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.from", contains("OPEN", "ACKNOWLEDGED", "OPEN", "MITIGATED"))
                .body("items.to", contains("ACKNOWLEDGED", "OPEN", "MITIGATED", "MITIGATED"))
                .body("items.justification", contains("ticket BIO-123", "ticket BIO-123", "VLAN 12, ticket BIO-123",
                        null))
                .body("items[3].fromJustification", equalTo("VLAN 12, ticket BIO-123"))
                .body("items.by", contains(who, who, who, who))
                .body("items[0].at", org.hamcrest.Matchers.notNullValue());
        Api.newHospital("Nosy").call().get("/api/v1/findings/" + id + "/history").then().statusCode(404);

        // Vigil's own change: revision 2 no longer lists the product, so the finding is resolved by "vigil"
        advisories.upsert(Drafts.csaf(advisoryId, "2", List.of(Drafts.product("CSAFPID-0001", "Contec Health",
                "CMS9000 Patient Monitor", "vers:all/*")), "CVE-2025-0626"));
        t.call().get("/api/v1/findings/" + id + "/history").then().body("total", equalTo(5))
                .body("items[4].by", equalTo("vigil")).body("items[4].from", equalTo("MITIGATED"))
                .body("items[4].to", equalTo("RESOLVED"))
                .body("items[4].resolution", containsString("no longer affected"));
    }

    @Test
    void listsTakeCommaListsAndExportAsCsv() throws Exception {
        Api.Tenant t = Api.newHospital("Lists");
        String advisoryId = advisory();
        String id = finding(t, advisoryId);
        patch(t, id, "{\"state\":\"MITIGATED\",\"justification\":\"=HYPERLINK(\\\"x\\\")\"}").statusCode(200);
        String acknowledged = finding(t, advisoryId);   // a second device of the hospital: left out by the state list
        patch(t, acknowledged, "{\"state\":\"ACKNOWLEDGED\"}").statusCode(200);

        List<String> wanted = expected(t, Set.of("OPEN", "MITIGATED"), Set.of("HIGH", "CRITICAL"));
        Assertions.assertTrue(wanted.contains(id) && !wanted.contains(acknowledged), wanted.toString());
        assertSameFindings(wanted, t, "state=OPEN,MITIGATED&severity=HIGH,CRITICAL");
        t.call().get("/api/v1/findings?advisoryId=" + advisoryId + "&state=OPEN,MITIGATED&severity=HIGH,CRITICAL")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        t.call().get("/api/v1/findings?advisoryId=" + advisoryId + "&state=ACKNOWLEDGED,MITIGATED&severity=LOW,HIGH")
                .then().statusCode(200).body("total", equalTo(2));
        t.call().get("/api/v1/findings?advisoryId=" + advisoryId + "&severity=MEDIUM,CRITICAL")
                .then().statusCode(200).body("total", equalTo(0));
        // the lists are case-insensitive (QueryLists)
        t.call().get("/api/v1/findings?advisoryId=" + advisoryId + "&state=mitigated").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        assertSameFindings(expected(t, Set.of("OPEN"), null), t, "state=open");
        t.call().get("/api/v1/findings?state=OPEN,BOGUS").then().statusCode(400)
                .body("detail", containsString("state: 'BOGUS' is not one of OPEN, ACKNOWLEDGED, MITIGATED"));
        t.call().get("/api/v1/findings?deviceId=nope").then().statusCode(400)
                .body("detail", equalTo("deviceId: 'nope' is not a UUID"));

        byte[] csv = t.call().accept("text/csv").get("/api/v1/findings?state=MITIGATED").then().statusCode(200)
                .extract().asByteArray();
        Assertions.assertEquals((byte) 0xEF, csv[0], "UTF-8 byte-order mark");
        try (CSVParser p = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = p.getRecords();
            Assertions.assertEquals(1, rows.size());
            Assertions.assertEquals(advisoryId, rows.get(0).get("advisoryId"));
            Assertions.assertEquals("MITIGATED", rows.get(0).get("state"));
            Assertions.assertEquals("HIGH", rows.get(0).get("severity"));
            Assertions.assertEquals("'=HYPERLINK(\"x\")", rows.get(0).get("justification"));
            Assertions.assertTrue(rows.get(0).get("reasons").contains("model 'CMS 8000' ~ product"),
                    rows.get(0).get("reasons"));
        }
        t.call().accept("text/csv").get("/api/v1/findings?severity=SEVERE").then().statusCode(400);
    }
}
