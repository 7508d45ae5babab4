package org.vigil.ingest.cisa.kev;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vigil.sources.cisa-kev")
public interface KevConfig {

    /** Whether the scheduled job runs. */
    @WithDefault("true")
    boolean enabled();

    /** Quartz cron of the scheduled run (every 6 hours by default); "off" disables the schedule. */
    @WithDefault("0 15 0/6 * * ?")
    String cron();

    /**
     * Largest share of the stored catalogue a new download may drop (0.1 = 10 %). CISA's catalogue only grows but
     * for rare withdrawals, so a download that shrinks more (an empty but valid file, a truncated mirror) is
     * suspect: the stored catalogue and every KEV flag stay, and the run reports why. A full re-sync accepts it.
     */
    @WithDefault("0.1")
    double maxShrink();

    /** The KEV catalogue JSON (CISA's feed; a file: URL for offline mirrors). */
    @WithDefault("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json")
    String url();
}
