package org.vigil.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long history is kept (docs/configuration.md, Retention; docs/operations.md, Retention). */
@ConfigMapping(prefix = "vigil.retention")
public interface RetentionConfig {

    /** When the retention job runs (a Quartz cron expression; "off" disables the job, nothing is ever deleted). */
    @WithDefault("0 20 3 * * ?")
    String cron();

    /** Match events older than this are deleted (a duration such as 180d or 4320h; "off" keeps them all). */
    @WithDefault("180d")
    String events();

    /**
     * Finished deliveries (DELIVERED, DEAD, and the events a deleted digest carried) whose last change is older than
     * this are deleted; PENDING, SENDING and QUEUED rows never are ("off" keeps them all).
     */
    @WithDefault("90d")
    String deliveries();

    /** Finished ingest and matching runs that started (were requested) longer ago than this are deleted ("off": kept). */
    @WithDefault("90d")
    String runs();

    /** The newest finished runs of each source and of each re-match kind that are kept whatever their age. */
    @WithDefault("20")
    int runsKeep();

    /** Rows deleted per transaction, so a first run over years of history never holds long locks. */
    @WithDefault("5000")
    int batchSize();
}
