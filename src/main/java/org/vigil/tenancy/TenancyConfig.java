package org.vigil.tenancy;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "vigil")
public interface TenancyConfig {

    /**
     * The operator key ({@code VIGIL_ADMIN_API_KEY}). When unset, a key is generated at first start, stored
     * hashed and printed once. Changing it revokes the previous value.
     */
    Optional<String> adminApiKey();
}
