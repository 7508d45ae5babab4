package org.vigil.db;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/** After a big import PostgreSQL's planner knows the table's new size without waiting for autovacuum. */
@QuarkusTest
class TableStatisticsTest {

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aLargeImportIsAnalyzedSoonAfterItCommits() throws Exception {
        assumeTrue(dbKind.startsWith("postgres"), "PostgreSQL only: H2 keeps its own selectivity statistics");
        long analyzedBefore = number("SELECT analyze_count + autoanalyze_count FROM pg_stat_user_tables"
                + " WHERE relname = 'device'");
        Api.Tenant tenant = Api.newHospital("Statistics");
        StringBuilder csv = new StringBuilder("asset_id,manufacturer,model\n");
        // More than a fifth of the rows already there (the re-analyze threshold), whatever other tests left behind.
        long existing = number("SELECT COUNT(*) FROM device");
        long count = Math.max(2500, existing / 4 + 1500);
        for (int i = 0; i < count; i++) {
            csv.append("ST-").append(i).append(",Statmaker,Model ").append(i % 40).append('\n');
        }
        tenant.call().contentType("text/csv").body(csv.toString()).post("/api/v1/devices/import").then()
                .statusCode(200);
        long rows = number("SELECT COUNT(*) FROM device");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> number(
                "SELECT analyze_count + autoanalyze_count FROM pg_stat_user_tables WHERE relname = 'device'")
                > analyzedBefore);
        long estimated = number("SELECT reltuples::bigint FROM pg_class WHERE relname = 'device'");
        assertTrue(estimated >= rows * 9 / 10, "the planner estimates " + estimated + " rows of " + rows);
    }

    private long number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
