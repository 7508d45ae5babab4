package org.vigil.retention;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Runs retention at {@code vigil.retention.cron}. With the pg profile Quartz is clustered and {@code @Nonconcurrent}
 * makes one instance at a time run it; the deletes are idempotent, so a run cut short is finished by the next.
 */
@ApplicationScoped
public class RetentionJob {

    private final RetentionService retention;

    public RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(identity = "retention", cron = "{vigil.retention.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void run() {
        retention.purge(Instant.now());
    }
}
