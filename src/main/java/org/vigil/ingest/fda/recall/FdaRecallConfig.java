package org.vigil.ingest.fda.recall;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.Optional;

@ConfigMapping(prefix = "vigil.sources.fda-recall")
public interface FdaRecallConfig {

    /** Whether the openFDA device recall source runs at all. */
    @WithDefault("true")
    boolean enabled();

    /** Quartz cron for the scheduled run ("off" disables the schedule); daily by default, openFDA refreshes weekly. */
    @WithDefault("0 40 4 * * ?")
    String cron();

    /** openFDA API base; the paths /device/recall.json and /device/enforcement.json are appended. */
    @WithDefault("https://api.fda.gov")
    String baseUrl();

    /** openFDA API key (raises the daily request limit); sent as api_key, never logged or stored in the cursor. */
    Optional<String> apiKey();

    /** First day of the backfill. */
    @WithDefault("2012-01-01")
    LocalDate startDate();

    /** Days per date-window query; a window with more hits than skip allows continues with search_after. */
    @WithDefault("90")
    int windowDays();

    /** Each run re-reads this many days before the last completed window: openFDA back-dates late entries. */
    @WithDefault("7")
    int overlapDays();

    /** Records per request (openFDA's limit is at most 1000). */
    @WithDefault("1000")
    int pageSize();

    /** Largest skip openFDA accepts (25000); further pages follow the Link rel="next" (search_after) header. */
    @WithDefault("25000")
    int maxSkip();
}
