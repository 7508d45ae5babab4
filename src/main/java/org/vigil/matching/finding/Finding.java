package org.vigil.matching.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.vigil.matching.evidence.Confidence;

/** One device × one advisory: how sure, why, and where triage stands. Never deleted, only resolved. */
@Entity
@Table(name = "finding")
public class Finding {

    @Id
    public UUID id;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Confidence confidence;

    /** JSON array of human-readable evidence lines ("manufacturer 'X' = vendor 'Y' (alias)", ...). */
    @Column(name = "reasons_json", nullable = false)
    public String reasonsJson;

    /** True when a person should look (unparseable range, weak evidence). */
    @Column(name = "needs_review", nullable = false)
    public boolean needsReview;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingState state;

    public String justification;

    /** Key prefix of whoever triaged last, or "vigil" for automatic resolution. */
    @Column(name = "triaged_by")
    public String triagedBy;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    /** Why Vigil resolved it ("no longer affected as of revision 3"); null while it applies. */
    public String resolution;

    @Column(name = "advisory_revision")
    public String advisoryRevision;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;
}
