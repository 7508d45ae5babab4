package org.vigil.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.matching.evidence.Matcher;
import org.vigil.support.Api;

/** An upgrade with new matching rules re-matches every device once, however often the instances start. */
@QuarkusTest
class MatchingRulesUpgradeTest {

    @Inject
    MatchingRulesUpgrade upgrade;
    @Inject
    EntityManager em;

    private static int upgradeRuns() {
        List<String> reasons = Api.asOperator().get("/api/v1/matching/runs?size=200").then().statusCode(200)
                .extract().path("items.reason");
        return (int) reasons.stream().filter(r -> r != null && r.contains("matching rules " + Matcher.RULES)).count();
    }

    @Test
    void newRulesQueueOneFullRematchAndTheSameRulesNone() {
        Api.Tenant t = Api.newHospital("Rules upgrade");
        t.call().contentType(ContentType.JSON).body(Map.of("assetId", "RU-1", "manufacturer", "Quillon Medical",
                "model", "QR-1")).post("/api/v1/devices").then().statusCode(201);
        int before = upgradeRuns();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE matching_rules_version SET version = 'older rules' WHERE id = 1").executeUpdate());

        QuarkusTransaction.requiringNew().run(upgrade::check);
        assertEquals(before + 1, upgradeRuns(), "one full re-match for the new rules");
        QuarkusTransaction.requiringNew().run(upgrade::check);
        assertEquals(before + 1, upgradeRuns(), "a second start with the same rules queues nothing");
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT version FROM matching_rules_version WHERE id = 1").getSingleResult());
        assertEquals(Matcher.RULES, stored);
    }
}
