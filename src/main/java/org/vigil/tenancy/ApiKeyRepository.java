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

    public long countActiveOperatorKeys() {
        return count("role = ?1 and revokedAt is null", ApiKey.Role.OPERATOR);
    }

    public Optional<ApiKey> findActiveOperatorKey(String origin) {
        return find("role = ?1 and origin = ?2 and revokedAt is null", ApiKey.Role.OPERATOR, origin)
                .firstResultOptional();
    }
}
