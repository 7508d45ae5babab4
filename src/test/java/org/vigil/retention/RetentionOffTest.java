package org.vigil.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "off" keeps a kind of history for ever, and cron "off" schedules no retention job at all. */
@QuarkusTest
@TestProfile(RetentionOffTest.Off.class)
class RetentionOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.retention.events", "off", "vigil.retention.deliveries", "off",
                    "vigil.retention.runs", "off", "vigil.retention.cron", "off");
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    RetentionService retention;
    @Inject
    Scheduler scheduler;

    final RetentionTest.Rows rows = new RetentionTest.Rows();

    @AfterEach
    void cleanUp() throws SQLException {
        rows.deleteAll(dataSource);
    }

    @Test
    void offKeepsEverythingAndSchedulesNothing() throws SQLException {
        UUID hospital = rows.hospital(dataSource);
        UUID subscription = rows.subscription(dataSource, hospital);
        UUID event = rows.event(dataSource, hospital, RetentionTest.OLD);
        UUID delivered = rows.delivery(dataSource, hospital, subscription, "EVENT", "DELIVERED", RetentionTest.OLD, null);
        UUID run = rows.ingestRun(dataSource, "retention-off", "SUCCEEDED", RetentionTest.OLD);
        UUID matching = rows.matchingRun(dataSource, "SUCCEEDED", RetentionTest.OLD);

        RetentionService.Purged purged = retention.purge(RetentionTest.NOW);

        assertEquals(0, purged.total());
        assertEquals(Set.of(event), rows.present(dataSource, "match_event", List.of(event)));
        assertEquals(Set.of(delivered), rows.present(dataSource, "delivery", List.of(delivered)));
        assertEquals(Set.of(run), rows.present(dataSource, "ingest_run", List.of(run)));
        assertEquals(Set.of(matching), rows.present(dataSource, "matching_run", List.of(matching)));
        assertFalse(scheduler.getScheduledJobs().stream().anyMatch(j -> "retention".equals(j.getId())),
                "the retention job is scheduled although vigil.retention.cron=off");
    }
}
