package org.vigil.matching;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.support.Api;

/**
 * Another instance sharing the database changes the operator aliases: it writes the alias row and raises the
 * version, exactly as {@link AliasService} does there. This instance must match with the new aliases without a
 * restart and without having received the POST.
 */
@QuarkusTest
class SharedAliasesTest {

    @Inject
    AdvisoryService advisories;

    @Inject
    EntityManager em;

    private static String device(Api.Tenant t, String asset, String manufacturer) {
        return t.call().contentType(ContentType.JSON).body(Map.of("assetId", asset, "manufacturer", manufacturer,
                "model", "Q-700 infusion pump", "version", "2.0", "quantity", 1))
                .post("/api/v1/devices").then().statusCode(201).extract().path("id");
    }

    @Test
    void aliasesChangedByAnotherInstanceAreUsedForMatching() {
        Api.Tenant t = Api.newHospital("Shared aliases");
        String advisory = "ICSMA-26-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        advisories.upsert(Drafts.csaf(advisory, "1", List.of(
                Drafts.product("CSAFPID-0001", "Vandelay Industries", "Quasar Pump Q-700", "< 3.0"))));
        String before = device(t, "S-1", "Kramerica Medical");
        t.call().get("/api/v1/devices/" + before + "/findings").then().body("total", equalTo(0));

        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO manufacturer_alias (id, alias, canonical, alias_key, created_by, created_at)"
                    + " VALUES (?1, 'Kramerica', 'Vandelay Industries', 'kramerica', 'other-instance', ?2)")
                    .setParameter(1, id).setParameter(2, Instant.now()).executeUpdate();
            bumpVersion();
        });
        t.call().get("/api/v1/manufacturer-aliases?size=500").then().body("items.alias", hasItem("Kramerica"));
        String after = device(t, "S-2", "Kramerica Medical");
        t.call().get("/api/v1/devices/" + after + "/findings").then().body("total", equalTo(1))
                .body("items[0].confidence", equalTo("CONFIRMED"))
                .body("items[0].reasons[0]", containsString("(alias)"));

        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM manufacturer_alias WHERE id = ?1").setParameter(1, id).executeUpdate();
            bumpVersion();
        });
        t.call().get("/api/v1/manufacturer-aliases?size=500").then().body("items.alias", not(hasItem("Kramerica")));
        String removed = device(t, "S-3", "Kramerica Medical");
        t.call().get("/api/v1/devices/" + removed + "/findings").then().body("total", equalTo(0));
    }

    private void bumpVersion() {
        em.createNativeQuery("UPDATE matching_alias_version SET version = version + 1 WHERE id = 1").executeUpdate();
    }
}
