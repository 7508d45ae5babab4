package org.vigil.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "vigil.matching")
public interface MatchingConfig {

    /**
     * An alias file added to the built-in list: lines "name = canonical name" and
     * "model: maker | model = maker | model" (docs/matching.md, alias registry). Unset: built-in list and operator aliases.
     */
    Optional<String> aliasesFile();

    /** Devices a re-match handles per transaction (findings, events and outbox rows of a batch commit together). */
    @WithDefault("5000")
    int rematchBatchSize();

    /**
     * How long a re-match holds the matching lease without renewing it (every batch renews it). A run whose
     * instance died is resumed by another instance once this has passed.
     */
    @WithDefault("2M")
    Duration rematchLease();

    /** How often each instance looks for re-match runs to start or resume (a Quartz interval; "off" disables it). */
    @WithDefault("30s")
    String rematchResumeEvery();
}
