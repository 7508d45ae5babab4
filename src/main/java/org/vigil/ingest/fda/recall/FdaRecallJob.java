package org.vigil.ingest.fda.recall;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;

/** Daily openFDA recall run; the source lease keeps it single across instances. */
@ApplicationScoped
public class FdaRecallJob {

    private final IngestService ingest;
    private final FdaRecallConfig config;

    FdaRecallJob(IngestService ingest, FdaRecallConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @Scheduled(identity = "fda-recall", cron = "{vigil.sources.fda-recall.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void run() {
        if (config.enabled()) {
            ingest.run(FdaRecallIngestor.NAME, IngestRun.Trigger.SCHEDULED);
        }
    }
}
