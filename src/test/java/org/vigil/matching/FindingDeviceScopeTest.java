package org.vigil.matching;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.matching.finding.FindingStats;
import org.vigil.matching.finding.FindingView;
import org.vigil.support.Api;

/**
 * Defence in depth (issue 10, item 13): a finding row that names another hospital's device (written by a bug, a bad
 * migration or a hand-made fix in the database) never shows that device's details to the finding's hospital, on any
 * path that reads a single finding: the finding itself, its triage answer and the console's exploited list.
 */
@QuarkusTest
class FindingDeviceScopeTest {

    @Inject
    AdvisoryService advisories;

    @Inject
    FindingStats stats;

    @Inject
    DataSource dataSource;

    private record Planted(Api.Tenant owner, String findingId, String foreignAsset) {
    }

    /** Hospital A owns a finding whose device is B's; B's device does not match the advisory, so B has no finding. */
    private Planted plant() throws Exception {
        String advisoryId = "ICSMA-98-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        advisories.upsert(Drafts.csaf(advisoryId, "1", List.of(Drafts.product("CSAFPID-0001", "Contec Health",
                "CMS8000 Patient Monitor", "vers:all/*")), "CVE-2025-0626"));
        Api.Tenant a = Api.newHospital("Scope A");
        Api.Tenant b = Api.newHospital("Scope B");
        String foreignAsset = "SECRET-B-" + UUID.randomUUID();
        String deviceId = b.call().contentType(ContentType.JSON).body(Map.of("assetId", foreignAsset,
                "manufacturer", "Acme Infusion", "model", "Pump 7", "location", "Ward B-secret"))
                .post("/api/v1/devices").then().statusCode(201).extract().path("id");
        UUID findingId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO finding"
                + " (id, hospital_id, device_id, advisory_id, confidence, reasons_json, needs_review, state, first_seen,"
                + " last_seen) VALUES (?, ?, ?, ?, 'LIKELY', '[]', FALSE, 'OPEN', ?, ?)")) {
            ps.setObject(1, findingId);
            ps.setObject(2, a.id());
            ps.setObject(3, UUID.fromString(deviceId));
            ps.setString(4, advisoryId);
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            Assertions.assertEquals(1, ps.executeUpdate());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE advisory SET kev = TRUE WHERE id = ?")) {
            ps.setString(1, advisoryId);
            Assertions.assertEquals(1, ps.executeUpdate());
        }
        return new Planted(a, findingId.toString(), foreignAsset);
    }

    @Test
    void aSingleFindingNeverShowsAnotherHospitalsDevice() throws Exception {
        Planted p = plant();
        String body = p.owner().call().get("/api/v1/findings/" + p.findingId()).then().statusCode(200)
                .body("device.assetId", nullValue()).body("device.manufacturer", nullValue())
                .body("device.location", nullValue()).extract().asString();
        Assertions.assertFalse(body.contains(p.foreignAsset()), body);
        Assertions.assertFalse(body.contains("Ward B-secret"), body);
    }

    @Test
    void theTriageAnswerNeverShowsAnotherHospitalsDevice() throws Exception {
        Planted p = plant();
        p.owner().call().contentType(ContentType.JSON).body("{\"state\":\"ACKNOWLEDGED\"}")
                .patch("/api/v1/findings/" + p.findingId()).then().statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED")).body("device.assetId", nullValue())
                .body(not(containsString(p.foreignAsset())));
    }

    @Test
    void theListNeverShowsAnotherHospitalsDevice() throws Exception {
        Planted p = plant();
        p.owner().call().get("/api/v1/findings?size=100").then().statusCode(200)
                .body(not(containsString(p.foreignAsset()))).body(not(containsString("Ward B-secret")));
    }

    @Test
    void theExploitedListNeverShowsAnotherHospitalsDevice() throws Exception {
        Planted p = plant();
        List<FindingView> open = stats.openExploited(p.owner().id(), 50);
        FindingView planted = open.stream().filter(v -> v.id().toString().equals(p.findingId())).findFirst()
                .orElseThrow(() -> new AssertionError("the planted KEV finding is in the exploited list: " + open));
        Assertions.assertNull(planted.device().assetId());
        Assertions.assertNull(planted.device().location());
    }
}
