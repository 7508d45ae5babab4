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
     * How long a verified API key is remembered, so that a request needs no database lookup for its key. Revocation
     * does not wait for it: a key revoked on this instance stops at once, on another instance (or by an operator-key
     * rotation there) within {@code vigil.api-key-revocation-poll}. 0 looks every key up on every request.
     */
    @WithDefault("5m")
    Duration apiKeyCacheTtl();

    /** How often each instance asks the database for keys revoked elsewhere and forgets them (0: never, only the TTL). */
    @WithDefault("2s")
    Duration apiKeyRevocationPoll();

    /** Most verified keys remembered at once; beyond it the least used are forgotten. */
    @WithDefault("20000")
    int apiKeyCacheSize();
}
