package org.vigil.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findActiveByHash(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    /** Hashes of the keys revoked after this instant. */
    public java.util.List<String> revokedSince(java.time.Instant since) {
        return find("revokedAt > ?1", since).stream().map(k -> k.keyHash).toList();
    }

    public long countActiveOperatorKeys() {
        return count("role = ?1 and revokedAt is null", ApiKey.Role.OPERATOR);
    }

    /** Revokes every active operator key but the one with {@code keepHash}; returns how many. */
    public int revokeOperatorKeysExcept(String keepHash, java.time.Instant at) {
        return update("revokedAt = ?1 where role = ?2 and revokedAt is null and keyHash <> ?3", at, ApiKey.Role.OPERATOR,
                keepHash);
    }
}
