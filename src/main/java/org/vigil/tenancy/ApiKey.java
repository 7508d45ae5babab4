package org.vigil.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key, stored only as the SHA-256 of the full key. The prefix is kept in clear so that a key can be
 * recognised in lists and audit trails without revealing it.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;

    /** Null for operator keys. */
    @Column(name = "hospital_id")
    public UUID hospitalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public String prefix;

    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    /** Where an operator key came from: "env" (VIGIL_ADMIN_API_KEY) or "generated". */
    public String origin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public enum Role {
        OPERATOR, HOSPITAL
    }
}
