package org.vigil.ingest.cisa.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryRepository;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;

/**
 * The corpus with prefixes ICSMA,ICSA: every OT document present in ../shared/corpus/cisa-csaf (skipped when
 * absent). A separate class because the prefixes are startup configuration. Run:
 * {@code ./mvnw -B test -Dtest='CsafCorpus*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@TestProfile(CorpusProfiles.AllOt.class)
class CsafCorpusOtBenchmark {

    @Inject
    IngestService ingest;
    @Inject
    CsafIngestor csaf;
    @Inject
    AdvisoryRepository advisories;

    @Test
    void ingestsEveryOtDocumentOfTheCorpus() throws IOException {
        Assumptions.assumeTrue(CorpusProfiles.corpus().isPresent(),
                "../shared/corpus/cisa-csaf is absent: corpus benchmark skipped");
        Path dir = CorpusProfiles.corpus().get().resolve("OT/white");
        List<Path> files = CsafCorpusBenchmark.documents(dir, "icsma-", "icsa-");
        long bytes = 0;
        for (Path f : files) {
            bytes += java.nio.file.Files.size(f);
        }
        long parseStart = System.nanoTime();
        int parsed = CsafCorpusBenchmark.bareParse(files);
        long parseNanos = System.nanoTime() - parseStart;

        long start = System.nanoTime();
        IngestRun run = ingest.run("cisa-csaf", IngestRun.Trigger.SCHEDULED);
        long nanos = System.nanoTime() - start;
        CsafIngestor.Stats stats = csaf.lastRun();
        long stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(advisories::count);
        IngestRun second = ingest.run("cisa-csaf", IngestRun.Trigger.SCHEDULED);

        int processed = stats.fetched() - stats.missing();
        System.out.printf("%n=== CSAF corpus benchmark (ICSMA + ICSA, all OT) ===%n");
        System.out.printf("OT files present: %d (%.1f MB); listed %d; absent from the mirror (skipped) %d%n", files.size(),
                bytes / 1e6, stats.listed(), stats.missing());
        System.out.printf("first run: %s, new %d, updated %d, failed %d; %d documents in %.2f s -> %.1f documents/s; advisories stored %d%n",
                run.status, run.created, run.updated, run.failed, processed, nanos / 1e9, processed / (nanos / 1e9), stored);
        System.out.printf("bare Jackson readTree of the same files (%d parsed): %.3f s -> %.1f documents/s%n", parsed,
                parseNanos / 1e9, parsed / (parseNanos / 1e9));
        System.out.printf("errors: %s%n", run.errorsJson);
        System.out.printf("second run: %s, new %d, updated %d, failed %d%n", second.status, second.created, second.updated,
                second.failed);

        assertEquals(files.size(), processed, "every OT file present is read");
        assertEquals(files.size(), run.created, "all are imported, icsma-26-216-01 (a trailing comma) too");
        assertEquals(0, run.failed, run.errorsJson);
        assertEquals(0, second.created + second.updated);
    }
}
