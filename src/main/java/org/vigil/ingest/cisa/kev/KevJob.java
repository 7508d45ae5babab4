package org.vigil.ingest.cisa.kev;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;

/** Refreshes the KEV catalogue (every 6 hours by default). */
@ApplicationScoped
class KevJob {

    private final IngestService ingest;
    private final KevConfig config;

    KevJob(IngestService ingest, KevConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @Scheduled(identity = "cisa-kev", cron = "{vigil.sources.cisa-kev.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void poll() {
        if (config.enabled()) {
            ingest.run(KevIngestor.SOURCE, IngestRun.Trigger.SCHEDULED);
        }
    }
}
