package org.vigil.matching.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A matching event for notification: recorded in the transaction that changed the finding, so the outbox rows
 * that notification writes for it commit (or roll back) together with it.
 */
@Entity
@Table(name = "match_event")
public class MatchEvent {

    @Id
    public UUID id;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Column(name = "finding_id", nullable = false)
    public UUID findingId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    @Column(name = "advisory_revision")
    public String advisoryRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MatchEventType type;

    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
