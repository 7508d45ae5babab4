package org.vigil.matching.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a finding's triage: who (API key prefix, or "vigil"), when, from and to, and why. */
@Entity
@Table(name = "finding_history")
public class FindingChange {

    @Id
    public UUID id;

    @Column(name = "finding_id", nullable = false)
    public UUID findingId;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public FindingState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public FindingState toState;

    @Column(name = "from_justification")
    public String fromJustification;

    public String justification;

    /** Vigil's own reason when it resolved or reopened the finding. */
    public String resolution;

    /** The API shape of one history entry. */
    public record View(Instant at, String by, FindingState from, FindingState to, String fromJustification,
            String justification, String resolution) {
    }

    View view() {
        return new View(changedAt, changedBy, fromState, toState, fromJustification, justification, resolution);
    }
}
