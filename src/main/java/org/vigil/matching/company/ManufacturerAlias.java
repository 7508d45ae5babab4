package org.vigil.matching.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An alias an operator added through the API. */
@Entity
@Table(name = "manufacturer_alias")
public class ManufacturerAlias {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String alias;

    @Column(nullable = false)
    public String canonical;

    /** The normalized alias: one operator alias per company key. */
    @Column(name = "alias_key", nullable = false)
    public String aliasKey;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
