package org.vigil.matching;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "vigil.matching")
public interface MatchingConfig {

    /**
     * An alias file added to the built-in list: lines "name = canonical name" and
     * "model: maker | model = maker | model" (docs/matching.md, alias registry). Unset: built-in list and operator aliases.
     */
    Optional<String> aliasesFile();
}
