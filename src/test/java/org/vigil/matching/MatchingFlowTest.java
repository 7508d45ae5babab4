package org.vigil.matching;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryChanged.Change;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.ChangeType;
import org.vigil.support.Api;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.MatchEventType;

@QuarkusTest
class MatchingFlowTest {

    @Inject
    AdvisoryService advisories;

    @Inject
    RecordedEvents events;

    @Inject
    javax.sql.DataSource dataSource;

    private static String device(Api.Tenant t, String asset, String manufacturer, String model, String version) {
        Map<String, Object> d = new HashMap<>();
        d.put("assetId", asset);
        d.put("manufacturer", manufacturer);
        d.put("model", model);
        d.put("version", version);
        d.put("quantity", 2);
        return t.call().contentType(ContentType.JSON).body(d).post("/api/v1/devices").then().statusCode(201)
                .extract().path("id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void contecBackdoorReachesTheRightDevicesWithEvidence() {
        Api.Tenant a = Api.newHospital("Matching A");
        Api.Tenant b = Api.newHospital("Matching B");
        String cms = device(a, "BM-1", "Contec Medical Systems Co., Ltd.", "CMS 8000", "FW v2.0.6");
        String relabel = device(a, "BM-2", "Epsimed", "MN-120 patient monitor", null);
        device(a, "BM-3", "Contec Medical Systems", "CMS50D pulse oximeter", null);
        device(b, "X-1", "Nordvik Medical", "NV-40 patient monitor", "B.06");
        String id = unique("ICSMA-25-030");
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Contec Health", "CMS8000 Patient Monitor", "vers:all/*")),
                "CVE-2025-0626"));

        a.call().get("/api/v1/findings?advisoryId=" + id).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.device.assetId", hasItem("BM-1"))
                .body("items.device.assetId", hasItem("BM-2"))
                .body("items[0].advisory.id", equalTo(id))
                .body("items[0].advisory.severity", equalTo("HIGH"))
                .body("items[0].state", equalTo("OPEN"));
        // Other tests' Contec advisories share the catalogue: this device's finding for this advisory is the one.
        a.call().get("/api/v1/devices/" + cms + "/findings").then().statusCode(200)
                .body("items.advisory.id", hasItem(id));
        a.call().get("/api/v1/findings?deviceId=" + cms + "&advisoryId=" + id).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].confidence", equalTo("LIKELY"))
                .body("items[0].reasons", hasItem(
                        "manufacturer 'Contec Medical Systems Co., Ltd.' = vendor 'Contec Health' (name variant)"))
                .body("items[0].reasons", hasItem("model 'CMS 8000' ~ product 'CMS8000 Patient Monitor' (model number cms8000)"))
                .body("items[0].reasons", hasItem("all versions affected ('vers:all/*')"));
        a.call().get("/api/v1/findings?deviceId=" + relabel + "&advisoryId=" + id).then().statusCode(200)
                .body("items[0].reasons[0]", containsString("(alias)"));
        b.call().get("/api/v1/findings").then().statusCode(200).body("total", equalTo(0));
        b.call().get("/api/v1/devices/" + cms + "/findings").then().statusCode(404);

        List<MatchEvent> news = events.forHospital(a.id());
        assertEquals(2, news.stream().filter(e -> e.advisoryId.equals(id) && e.type == MatchEventType.NEW_FINDING).count());
        assertTrue(events.forHospital(b.id()).stream().noneMatch(e -> e.advisoryId.equals(id)),
                "hospital B owns no Contec device");
    }

    @Test
    void versionsDecideAndTriageSurvivesRevisions() {
        Api.Tenant a = Api.newHospital("Matching versions");
        String inside = device(a, "V-1", "Innokas Medical", "VC150 vital signs monitor", "1.7.9");
        String fixed = device(a, "V-2", "Innokas Yhtymä Oy", "VC150", "1.7.15b");
        String id = unique("ICSMA-21-007");
        var vc150 = Drafts.product("CSAFPID-0001", "Innokas YhtymÃ¤ Oy", "VC150", "< 1.7.15");
        advisories.upsert(Drafts.csaf(id, "1", List.of(vc150), "CVE-2020-27262"));

        String findingId = a.call().get("/api/v1/devices/" + inside + "/findings").then().statusCode(200)
                .body("items[0].confidence", equalTo("CONFIRMED"))
                .body("items[0].reasons", hasItem("version '1.7.9' within '< 1.7.15'"))
                .extract().path("items[0].id");
        a.call().get("/api/v1/devices/" + fixed + "/findings").then().body("total", equalTo(0));

        a.call().contentType(ContentType.JSON).body(Map.of("state", "ACKNOWLEDGED", "justification", "isolated VLAN"))
                .patch("/api/v1/findings/" + findingId).then().statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED")).body("triagedBy", equalTo(org.vigil.tenancy.ApiKeys.prefix(a.key())))
                .body("triagedAt", org.hamcrest.Matchers.notNullValue());
        // PATCH keeps the justification it is not given; clearing it for NOT_AFFECTED is refused
        a.call().contentType(ContentType.JSON).body("{\"state\":\"NOT_AFFECTED\",\"justification\":null}")
                .patch("/api/v1/findings/" + findingId).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("justification"));
        a.call().contentType(ContentType.JSON).body(Map.of("state", "GONE"))
                .patch("/api/v1/findings/" + findingId).then().statusCode(400);
        Api.newHospital("Other").call().contentType(ContentType.JSON).body(Map.of("state", "OPEN"))
                .patch("/api/v1/findings/" + findingId).then().statusCode(404);

        // Revision 2 adds a CVE: the finding changes (event), triage stays.
        advisories.upsert(Drafts.csaf(id, "2", List.of(vc150), "CVE-2020-27262", "CVE-2020-27263"));
        a.call().get("/api/v1/findings?deviceId=" + inside).then().statusCode(200)
                .body("items[0].state", equalTo("ACKNOWLEDGED"))
                .body("items[0].justification", equalTo("isolated VLAN"))
                .body("items[0].advisoryRevision", equalTo("2"));
        assertTrue(events.forHospital(a.id()).stream().anyMatch(e -> e.type == MatchEventType.FINDING_CHANGED
                && e.detail.contains("CVE_ADDED")));

        // KEV: an event for the open finding, no re-match.
        advisories.record(id, "2", List.of(new Change(ChangeType.KEV_ADDED, "CVE-2020-27263 added to KEV")),
                Instant.now());
        assertTrue(events.forHospital(a.id()).stream().anyMatch(e -> e.type == MatchEventType.KEV_ADDED
                && e.findingId.toString().equals(findingId)));

        // Revision 3 narrows the range below the device: resolved with the reason, never deleted.
        var narrowed = Drafts.product("CSAFPID-0001", "Innokas YhtymÃ¤ Oy", "VC150", "< 1.7.5");
        advisories.upsert(Drafts.csaf(id, "3", List.of(narrowed), "CVE-2020-27262", "CVE-2020-27263"));
        a.call().get("/api/v1/findings?state=RESOLVED&advisoryId=" + id).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resolution", equalTo("no longer affected as of revision 3"))
                .body("items[0].justification", equalTo("isolated VLAN"));
        assertTrue(events.forHospital(a.id()).stream().anyMatch(e -> e.type == MatchEventType.FINDING_RESOLVED));
    }

    @Test
    void unreadableRangesAskForReviewAndNewDevicesAreMatchedOnArrival() {
        Api.Tenant a = Api.newHospital("Matching review");
        String id = unique("ICSMA-26-001");
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Sante Soft", "Sante PACS Server", "<= U61"))));
        String pacs = device(a, "P-1", "Santesoft LTD", "Sante PACS Server", "4.1");
        a.call().get("/api/v1/devices/" + pacs + "/findings").then().statusCode(200)
                .body("items[0].confidence", equalTo("POSSIBLE"))
                .body("items[0].needsReview", equalTo(true))
                .body("items[0].reasons", hasItem(containsString("could not be compared")));
        a.call().get("/api/v1/findings?confidence=POSSIBLE").then().body("total", equalTo(1));
        a.call().get("/api/v1/findings?confidence=SURE").then().statusCode(400).contentType("application/problem+json");
        a.call().get("/api/v1/findings?since=yesterday").then().statusCode(400);
        a.call().get("/api/v1/findings?deviceId=nope").then().statusCode(400);

        // The device is removed: the finding is resolved, not deleted.
        a.call().delete("/api/v1/devices/" + pacs).then().statusCode(204);
        a.call().get("/api/v1/findings?advisoryId=" + id).then().body("items[0].state", equalTo("RESOLVED"))
                .body("items[0].resolution", equalTo("device removed from the inventory"));
    }

    @Test
    void operatorAliasesRematchTheCompaniesTheyTouch() {
        Api.Tenant a = Api.newHospital("Matching alias");
        String id = unique("ICSMA-26-002");
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Globex Medical", "Hypno Infusion Pump H-900", "<= 3.2"))));
        String relabelled = device(a, "A-1", "Acme Biomed Inc.", "H-900 infusion pump", "3.1");
        a.call().get("/api/v1/devices/" + relabelled + "/findings").then().body("total", equalTo(0));

        a.call().contentType(ContentType.JSON).body(Map.of("alias", "Acme Biomed", "canonical", "Globex"))
                .post("/api/v1/manufacturer-aliases").then().statusCode(403);
        var added = Api.asOperator().contentType(ContentType.JSON)
                .body(Map.of("alias", "Acme Biomed", "canonical", "Globex"))
                .post("/api/v1/manufacturer-aliases").then().statusCode(201)
                .body("rematch.kind", equalTo("ALIAS")).body("rematch.reason", containsString("Acme Biomed = Globex"))
                .extract();
        String aliasId = added.path("alias.id");
        // The re-match runs in the background, a batch per transaction; the answer only queued it.
        awaitRun(added.path("rematch.id"));
        Api.asOperator().get("/api/v1/matching/runs/" + added.path("rematch.id")).then()
                .body("counts.newFindings", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        a.call().get("/api/v1/devices/" + relabelled + "/findings").then()
                .body("items[0].confidence", equalTo("CONFIRMED"))
                .body("items[0].reasons[0]", containsString("(alias)"));
        Api.asOperator().contentType(ContentType.JSON).body(Map.of("alias", "Inc.", "canonical", "Globex"))
                .post("/api/v1/manufacturer-aliases").then().statusCode(400).contentType("application/problem+json");
        Api.asOperator().contentType(ContentType.JSON).body(Map.of("alias", "ACME BIOMED", "canonical", "Initech"))
                .post("/api/v1/manufacturer-aliases").then().statusCode(409);
        a.call().get("/api/v1/manufacturer-aliases?size=500").then().statusCode(200)
                .body("items.alias", hasItem("CareFusion")).body("items.alias", hasItem("Acme Biomed"));

        awaitRun(Api.asOperator().delete("/api/v1/manufacturer-aliases/" + aliasId).then().statusCode(200)
                .extract().path("rematch.id"));
        a.call().get("/api/v1/devices/" + relabelled + "/findings").then()
                .body("items[0].state", equalTo("RESOLVED"))
                .body("items[0].resolution", equalTo("no longer matches after a manufacturer alias change"));
        a.call().post("/api/v1/matching/rematch").then().statusCode(403);
    }

    @Test
    void aFullRematchFindsWhatTheIndexMissedAndResolvesWhatNoLongerMatches() throws Exception {
        Api.Tenant a = Api.newHospital("Matching full");
        String id = unique("ICSMA-26-003");
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Initrode Medical", "Vivid Infusion Pump V-700", "<= 3.2"))));
        String triaged = device(a, "F-1", "Initrode", "V-700 infusion pump", "3.1");
        String findingId = a.call().get("/api/v1/devices/" + triaged + "/findings").then()
                .body("items[0].confidence", equalTo("CONFIRMED")).extract().path("items[0].id");
        a.call().contentType(ContentType.JSON).body(Map.of("state", "MITIGATED", "justification", "on its own VLAN"))
                .patch("/api/v1/findings/" + findingId).then().statusCode(200);
        // Rows as an upgrade finds them: a device loaded by an older version (never matched, not indexed) and a
        // finding the current rules do not support (the device is a different model).
        UUID loaded = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID stale = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            insertDevice(c, loaded, a.id(), "Initrode Inc.", "V-700", "2.0");
            insertDevice(c, other, a.id(), "Initrode Inc.", "Q-100 syringe driver", "1.0");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (id, hospital_id, device_id, advisory_id,"
                    + " confidence, reasons_json, needs_review, state, advisory_revision, first_seen, last_seen)"
                    + " VALUES (?, ?, ?, ?, 'LIKELY', '[]', FALSE, 'OPEN', '1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                ps.setObject(1, stale);
                ps.setObject(2, a.id());
                ps.setObject(3, other);
                ps.setString(4, id);
                ps.executeUpdate();
            }
        }
        a.call().get("/api/v1/devices/" + loaded + "/findings").then().body("total", equalTo(0));

        var accepted = Api.asOperator().post("/api/v1/matching/rematch").then().statusCode(202)
                .body("kind", equalTo("FULL")).extract();
        String runId = accepted.path("id");
        assertTrue(accepted.header("Location").endsWith("/api/v1/matching/runs/" + runId));
        awaitRun(runId);

        a.call().get("/api/v1/devices/" + loaded + "/findings").then().body("total", equalTo(1))
                .body("items[0].advisory.id", equalTo(id)).body("items[0].confidence", equalTo("CONFIRMED"))
                .body("items[0].reasons", hasItem("version '2.0' within '<= 3.2'"));
        a.call().get("/api/v1/devices/" + other + "/findings").then()
                .body("items[0].state", equalTo("RESOLVED"))
                .body("items[0].resolution", equalTo("no longer affected after a full re-match"));
        a.call().get("/api/v1/devices/" + triaged + "/findings").then().body("items[0].id", equalTo(findingId))
                .body("items[0].state", equalTo("MITIGATED")).body("items[0].justification", equalTo("on its own VLAN"));
        assertEquals(1, events.forHospital(a.id()).stream().filter(e -> e.deviceId.equals(loaded)
                && e.type == MatchEventType.NEW_FINDING).count(), "the hospital hears of the found device once");
        assertTrue(events.forHospital(a.id()).stream().noneMatch(e -> e.deviceId.toString().equals(triaged)
                && e.type != MatchEventType.NEW_FINDING), "nothing to say about the finding that did not change");
        Api.asOperator().get("/api/v1/matching/runs/" + runId).then()
                .body("counts.devices", org.hamcrest.Matchers.greaterThanOrEqualTo(3))
                .body("counts.resolvedFindings", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        Api.asOperator().get("/api/v1/matching/runs/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static void insertDevice(Connection c, UUID id, UUID hospital, String maker, String model, String version)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (id, hospital_id, asset_id, manufacturer,"
                + " model, version, quantity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)")) {
            ps.setObject(1, id);
            ps.setObject(2, hospital);
            ps.setString(3, "L-" + id.toString().substring(0, 8));
            ps.setString(4, maker);
            ps.setString(5, model);
            ps.setString(6, version);
            ps.executeUpdate();
        }
    }

    static void awaitRun(String runId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> List.of("SUCCEEDED",
                "FAILED").contains(Api.asOperator().get("/api/v1/matching/runs/" + runId).path("status")));
        Api.asOperator().get("/api/v1/matching/runs/" + runId).then().body("status", equalTo("SUCCEEDED"));
    }
}
