package org.vigil.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Keys that passed the database check in the last {@code vigil.api-key-cache-ttl}, by hash. Without it every
 * request costs a transaction and a query before its own work. Only found keys are remembered (an unknown key is looked up every time, so a key issued a moment ago works at
 * once), and each entry is a copy that no session manages.
 */
@ApplicationScoped
class VerifiedKeys {

    private final Cache<String, ApiKey> byHash;

    VerifiedKeys(TenancyConfig config) {
        this.byHash = Caffeine.newBuilder().expireAfterWrite(config.apiKeyCacheTtl())
                .maximumSize(config.apiKeyCacheSize()).build();
    }

    Optional<ApiKey> get(String keyHash) {
        return Optional.ofNullable(byHash.getIfPresent(keyHash));
    }

    void remember(ApiKey key) {
        ApiKey copy = new ApiKey();
        copy.id = key.id;
        copy.hospitalId = key.hospitalId;
        copy.role = key.role;
        copy.prefix = key.prefix;
        copy.keyHash = key.keyHash;
        copy.origin = key.origin;
        copy.createdAt = key.createdAt;
        byHash.put(key.keyHash, copy);
    }

    /** Forgets a key at once, when it is revoked on this instance. */
    void forget(String keyHash) {
        byHash.invalidate(keyHash);
    }
}
