package org.vigil.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "vigil")
public interface TenancyConfig {

    /**
     * The operator key ({@code VIGIL_ADMIN_API_KEY}). When unset, a key is generated at first start, stored
     * hashed and printed once. Changing it revokes the previous value.
     */
    Optional<String> adminApiKey();

    /**
     * How long a verified API key is remembered, so that a request needs no database lookup for its key. A key
     * revoked on this instance stops at once; revoked or rotated on another instance, it works at most this long
     * there. 0 looks every key up on every request.
     */
    @WithDefault("5s")
    Duration apiKeyCacheTtl();

    /** Most verified keys remembered at once; beyond it the least used are forgotten. */
    @WithDefault("20000")
    int apiKeyCacheSize();
}
