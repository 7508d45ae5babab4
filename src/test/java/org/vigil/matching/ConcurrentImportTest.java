package org.vigil.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryService;
import org.vigil.support.Api;

/**
 * Issue 10, item 3: eight hospitals import overlapping inventories at the same moment. The same new spellings
 * arrive in eight transactions at once; every import must answer 200 and every device be indexed and matched.
 */
@QuarkusTest
class ConcurrentImportTest {

    static final int THREADS = 8;
    static final int ROWS = 150;

    @Inject
    AdvisoryService advisories;
    @Inject
    DataSource dataSource;

    @Test
    void eightConcurrentImportsOfTheSameSpellingsAllSucceedAndAllMatch() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String model = "KZ" + run;
        String id = "ICSMA-97-" + run;
        advisories.upsert(Drafts.csaf(id, "1", List.of(
                Drafts.product("CSAFPID-0001", "Soylent Medical", "Monitor " + model, "vers:all/*"))));
        // Spellings no one has indexed yet, the same in every hospital: each a new term set.
        StringBuilder csv = new StringBuilder("asset_id,manufacturer,model,version\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("A-").append(i).append(i % 2 == 0 ? ",Soylent Medical Inc.," : ",SOYLENT MEDICAL,")
                    .append(i % 3 == 0 ? "Monitor " + model : model).append(",").append(i).append(".0\n");
        }
        List<Api.Tenant> tenants = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tenants.add(Api.newHospital("Concurrent " + t));
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<CompletableFuture<Integer>> imports = new ArrayList<>();
        for (Api.Tenant t : tenants) {
            imports.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return t.call().contentType("text/csv").body(csv.toString()).post("/api/v1/devices/import")
                        .then().extract().statusCode();
            }));
        }
        for (CompletableFuture<Integer> f : imports) {
            assertEquals(200, f.get(), "no import failed");
        }
        for (Api.Tenant t : tenants) {
            t.call().get("/api/v1/devices?size=1").then().body("total", org.hamcrest.Matchers.equalTo(ROWS));
            t.call().get("/api/v1/findings?advisoryId=" + id + "&size=1").then()
                    .body("total", org.hamcrest.Matchers.equalTo(ROWS));
            assertEquals(ROWS, indexed(t.id()), "every device of the hospital is in the match index");
        }
    }

    private int indexed(UUID hospital) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM match_device_signature s JOIN match_signature_term t ON t.signature = s.signature"
                        + " WHERE s.hospital_id = ? AND t.term LIKE 'm:%'")) {
            ps.setObject(1, hospital);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
