package org.vigil.ingest.gudid;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.inventory.enrichment.DeviceEnrichment;

/** Looks up waiting devices every {@code vigil.gudid.every} when enrichment is on; no run is recorded when none waits. */
@ApplicationScoped
class GudidJob {

    private final IngestService ingest;
    private final GudidConfig config;
    private final DeviceEnrichment enrichment;

    GudidJob(IngestService ingest, GudidConfig config, DeviceEnrichment enrichment) {
        this.ingest = ingest;
        this.config = config;
        this.enrichment = enrichment;
    }

    @Scheduled(identity = "gudid", every = "{vigil.gudid.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void poll() {
        if (config.enabled() && enrichment.anyDue(Instant.now())) {
            ingest.run(GudidIngestor.SOURCE, IngestRun.Trigger.SCHEDULED);
        }
    }
}
