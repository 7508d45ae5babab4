package org.vigil.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vigil.ingest")
public interface IngestConfig {

    /** Largest document or feed Vigil downloads; a bigger one fails that item, never the heap. */
    @WithDefault("64M")
    MemorySize maxDownloadSize();

    /** Connect timeout for upstream HTTP. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Whole-request timeout for upstream HTTP. */
    @WithDefault("60s")
    Duration requestTimeout();

    /** Attempts per request for transient failures (network errors, 5xx, 429). */
    @WithDefault("4")
    int attempts();

    /** First backoff between attempts; doubles each time, with jitter. A Retry-After header wins (up to max-retry-after). */
    @WithDefault("2s")
    Duration retryBackoff();

    /** Longest Retry-After honoured within one run; longer waits fail the request and the next run retries. */
    @WithDefault("120s")
    Duration maxRetryAfter();

    /** How long a run holds its source lease without renewing it; a crashed run's lease expires after this. */
    @WithDefault("10m")
    Duration leaseDuration();
}
