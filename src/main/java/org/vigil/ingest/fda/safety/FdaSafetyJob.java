package org.vigil.ingest.fda.safety;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;

/** Hourly FDA safety communications run. */
@ApplicationScoped
public class FdaSafetyJob {

    private final IngestService ingest;
    private final FdaSafetyConfig config;

    FdaSafetyJob(IngestService ingest, FdaSafetyConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @Scheduled(identity = "fda-safety", cron = "{vigil.sources.fda-safety.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void run() {
        if (config.enabled()) {
            ingest.run(FdaSafetyIngestor.NAME, IngestRun.Trigger.SCHEDULED);
        }
    }
}
