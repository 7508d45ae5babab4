package org.vigil.advisory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A recorded change of an advisory: what changed, in which revision, and when Vigil saw it. */
@Entity
@Table(name = "advisory_change")
public class AdvisoryChange {

    @Id
    public UUID id;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    public String revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChangeType type;

    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
