package org.vigil.tenancy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vigil.api.ApiException;

/** Issues, checks and revokes API keys, and makes sure an operator key exists. */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);

    private final ApiKeyRepository keys;
    private final TenancyConfig config;
    private final VerifiedKeys verified;

    public ApiKeyService(ApiKeyRepository keys, TenancyConfig config, VerifiedKeys verified) {
        this.keys = keys;
        this.config = config;
        this.verified = verified;
    }

    /**
     * The active key with this value, if any; a key verified in the last {@code vigil.api-key-cache-ttl} is taken
     * from memory.
     */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(presented);
        Optional<ApiKey> known = verified.get(hash);
        if (known.isPresent()) {
            return known;
        }
        Optional<ApiKey> found = QuarkusTransaction.joiningExisting().call(() -> keys.findActiveByHash(hash));
        found.ifPresent(verified::remember);
        return found;
    }

    /** A new key for a hospital; the returned value is the only time the key exists in clear. */
    @Transactional
    public IssuedKey issueHospitalKey(UUID hospitalId) {
        String value = ApiKeys.generate();
        ApiKey key = store(ApiKey.Role.HOSPITAL, hospitalId, value, "issued");
        return new IssuedKey(key.id, key.prefix, value, key.createdAt);
    }

    @Transactional
    public List<ApiKey> listHospitalKeys(UUID hospitalId) {
        return keys.list("hospitalId = ?1 order by createdAt", hospitalId);
    }

    /**
     * Revokes a key of this hospital. It stops working on this instance at once (forgotten after the commit, so a
     * request in between cannot remember it again), on other instances within {@code vigil.api-key-cache-ttl}.
     */
    public void revoke(UUID hospitalId, UUID keyId) {
        String hash = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey key = keys.findByIdOptional(keyId)
                    .filter(k -> hospitalId.equals(k.hospitalId))
                    .orElseThrow(() -> ApiException.notFound("API key " + keyId));
            if (key.revokedAt == null) {
                key.revokedAt = Instant.now();
            }
            return key.keyHash;
        });
        verified.forget(hash);
    }

    /**
     * Makes sure an operator key exists: the configured one, or a generated one printed once. A configured key is the
     * only operator key: every other one (an earlier configured value, or the key generated at first start) is
     * revoked, so setting or changing {@code VIGIL_ADMIN_API_KEY} rotates the operator key away. Other instances
     * stop accepting a revoked key within {@code vigil.api-key-revocation-poll}.
     *
     * @throws OperatorKeys.Refused for a configured key that is too short or a documented placeholder
     */
    @Transactional
    public void ensureOperatorKey() {
        Optional<String> configured = config.adminApiKey().map(String::trim).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            String value = configured.get();
            OperatorKeys.check(value);
            String hash = ApiKeys.hash(value);
            int revoked = keys.revokeOperatorKeysExcept(hash, Instant.now());
            if (revoked > 0) {
                LOG.infof("Revoked %d earlier operator key(s): VIGIL_ADMIN_API_KEY is now the only one", revoked);
            }
            if (keys.findActiveByHash(hash).isEmpty()) {
                store(ApiKey.Role.OPERATOR, null, value, "env");
                LOG.info("Operator API key taken from VIGIL_ADMIN_API_KEY");
            }
            return;
        }
        if (keys.countActiveOperatorKeys() == 0) {
            String value = ApiKeys.generate();
            store(ApiKey.Role.OPERATOR, null, value, "generated");
            // Printed exactly once, by design: it is stored only as a hash and cannot be shown again.
            LOG.warnf("%n=================================================================%n"
                    + "  Generated operator API key (shown once, store it now):%n  %s%n"
                    + "  Set VIGIL_ADMIN_API_KEY to choose your own instead.%n"
                    + "=================================================================", value);
        }
    }

    private ApiKey store(ApiKey.Role role, UUID hospitalId, String value, String origin) {
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.role = role;
        key.hospitalId = hospitalId;
        key.prefix = ApiKeys.prefix(value);
        key.keyHash = ApiKeys.hash(value);
        key.origin = origin;
        key.createdAt = Instant.now();
        keys.persist(key);
        return key;
    }

    /** A key as issued: {@code apiKey} is shown once. */
    public record IssuedKey(UUID id, String prefix, String apiKey, Instant createdAt) {
    }
}
