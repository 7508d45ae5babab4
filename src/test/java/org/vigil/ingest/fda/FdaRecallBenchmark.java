package org.vigil.ingest.fda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;

/**
 * Backfill and incremental-day throughput of the fda-recall source against a local openFDA serving 25,000 recalls
 * on both endpoints (50,000 records; {@code -Dfda.benchmark.pairs=N} changes it). Run explicitly:
 * {@code ./mvnw -B test -Dtest=FdaRecallBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(OpenFdaBenchmarkServer.class)
class FdaRecallBenchmark {

    @OpenFdaBenchmarkServer.Dataset
    OpenFdaDataset dataset;
    @Inject
    IngestService ingest;

    @Test
    void backfillThenAnIncrementalDay() {
        int records = dataset.recalls.size() + dataset.enforcements.size();
        System.out.printf("%nFdaRecallBenchmark: %d records (%d recalls x 2 endpoints), %s%n", records,
                dataset.recalls.size(), dataset.templateSource());

        IngestRun backfill = timed("backfill", () -> ingest.run("fda-recall", IngestRun.Trigger.SCHEDULED));
        assertEquals(IngestRun.Status.SUCCEEDED, backfill.status, String.valueOf(backfill.message));
        assertTrue(backfill.seen >= records, "a record dated in two windows is read twice: " + backfill.seen);
        assertEquals(dataset.recalls.size(), backfill.created);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 150; i++) {
            dataset.add(today.minusDays(i % 2));
        }
        IngestRun day = timed("incremental day (300 new records + the overlap re-read)",
                () -> ingest.run("fda-recall", IngestRun.Trigger.SCHEDULED));
        assertEquals(IngestRun.Status.SUCCEEDED, day.status, String.valueOf(day.message));
        assertEquals(150, day.created);
        assertTrue(day.seen < records / 10, "the incremental run reads a window, not everything: " + day.seen);
    }

    private static IngestRun timed(String label, java.util.function.Supplier<IngestRun> run) {
        long start = System.nanoTime();
        IngestRun r = run.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        double seconds = Math.max(0.001, took.toMillis() / 1000.0);
        System.out.printf("FdaRecallBenchmark %s: %d records read, %d new, %d updated in %.2f s = %.0f records/s%n",
                label, r.seen, r.created, r.updated, seconds, r.seen / seconds);
        return r;
    }
}
