package org.vigil.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One background re-match: what it covers, how far it got (its cursor) and what it changed. */
@Entity
@Table(name = "matching_run")
public class MatchingRun {

    public enum Kind {
        /** Every device against the whole catalogue (after an upgrade of the matching rules). */
        FULL,
        /** The devices of the companies an alias change moved. */
        ALIAS
    }

    public enum Status {
        /** Waiting for the matching lease (another re-match runs), or for an instance to pick it up. */
        QUEUED, RUNNING, SUCCEEDED, FAILED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Why it was started: "operator request", "alias added: Acme Biomed = Globex". */
    public String reason;

    /** ALIAS: the operator aliases before the change, then the company keys it moved (JSON). */
    @Column(name = "scope_json")
    public String scopeJson;

    /** The last device of the last committed batch; a resumed run goes on after it. */
    @Column(name = "cursor_device")
    public UUID cursorDevice;

    @Column(name = "devices_count", nullable = false)
    public long devices;

    @Column(name = "new_count", nullable = false)
    public long newFindings;

    @Column(name = "changed_count", nullable = false)
    public long changedFindings;

    @Column(name = "resolved_count", nullable = false)
    public long resolvedFindings;

    @Column(name = "events_count", nullable = false)
    public long events;

    /** How many times an instance started (or resumed) it. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Why it failed, when it did. */
    public String message;
}
