package org.vigil.ingest.gudid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** GUDID enrichment of devices that have a DI (source {@code gudid}). Off by default: it calls NLM's AccessGUDID. */
@ConfigMapping(prefix = "vigil.gudid")
public interface GudidConfig {

    /** Whether devices with a DI are looked up in AccessGUDID. */
    @WithDefault("false")
    boolean enabled();

    /**
     * AccessGUDID's base URL; lookups go to {@code <base>/api/v3/devices/lookup.json?di=<DI>}. A {@code file:} base
     * reads {@code <base>/<DI>.json} instead (saved lookup answers, for offline networks and tests).
     */
    @WithDefault("https://accessgudid.nlm.nih.gov")
    String baseUrl();

    /** How often pending devices are looked up (each pass does at most {@link #batchSize()} DIs). */
    @WithDefault("30s")
    String every();

    /** DIs looked up per pass. */
    @WithDefault("200")
    int batchSize();

    /** Requests per second to AccessGUDID at most (NLM asks API users to be gentle). */
    @WithDefault("2")
    double requestsPerSecond();

    /** How long a found record is reused before it is fetched again. */
    @WithDefault("30d")
    Duration cacheTtl();

    /** How long "no such DI" is believed before asking again (new devices are published every day). */
    @WithDefault("7d")
    Duration notFoundTtl();

    /** First wait before a failed lookup is retried; doubles per failure, up to a day. */
    @WithDefault("5m")
    Duration retryBackoff();
}
