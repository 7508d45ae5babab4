package org.vigil.ingest.cisa.csaf;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;

/** Polls the CSAF provider (every 30 minutes by default); the lease in IngestService keeps runs from overlapping. */
@ApplicationScoped
class CsafJob {

    private final IngestService ingest;
    private final CsafConfig config;

    CsafJob(IngestService ingest, CsafConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @Scheduled(identity = "cisa-csaf", cron = "{vigil.sources.cisa-csaf.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void poll() {
        if (config.enabled()) {
            ingest.run(CsafConverter.SOURCE, IngestRun.Trigger.SCHEDULED);
        }
    }
}
