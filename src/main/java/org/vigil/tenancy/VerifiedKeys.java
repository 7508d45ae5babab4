package org.vigil.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keys that passed the database check in the last {@code vigil.api-key-cache-ttl}, by hash. Without it every
 * request costs a transaction and a query before its own work (a tenth of the findings list's CPU with 5-second
 * entries, which most keys outlived). Only found keys are remembered, so a key issued a moment ago works at once; each
 * entry is a copy no session manages. Revocation is pushed out rather than waited for: every
 * {@code vigil.api-key-revocation-poll} this instance asks for keys revoked recently (by any instance, or straight in
 * the database by an operator-key rotation) and forgets them.
 */
@ApplicationScoped
class VerifiedKeys {

    private static final Logger LOG = Logger.getLogger(VerifiedKeys.class);
    /** Revocation times come from other instances' clocks: look back further than the lifetime by this much. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final Cache<String, ApiKey> byHash;
    private final ApiKeyRepository keys;
    private final Duration ttl;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-key-revocations");
        t.setDaemon(true);
        return t;
    });

    VerifiedKeys(TenancyConfig config, ApiKeyRepository keys) {
        this.ttl = config.apiKeyCacheTtl();
        this.keys = keys;
        this.byHash = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(config.apiKeyCacheSize()).build();
        long every = config.apiKeyRevocationPoll().toMillis();
        if (every > 0 && !ttl.isZero()) {
            poller.scheduleWithFixedDelay(this::forgetRevoked, every, every, TimeUnit.MILLISECONDS);
        }
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

    /** Forgets every remembered key revoked since it could have been remembered. */
    void forgetRevoked() {
        if (byHash.estimatedSize() == 0) {
            return;
        }
        try {
            Instant since = Instant.now().minus(ttl).minus(CLOCK_MARGIN);
            QuarkusTransaction.requiringNew().call(() -> keys.revokedSince(since)).forEach(byHash::invalidate);
        } catch (RuntimeException e) {
            // The lifetime still bounds how long a revoked key can work; say so once per failure, not per request.
            LOG.warnf("Could not check for revoked API keys (remembered keys still expire after %s): %s", ttl,
                    e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
