package org.vigil.notification.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.vigil.matching.finding.MatchEventType;

/**
 * One outbox row: a notification to send to one subscription. Its id is also the {@code webhook-id}, so it stays
 * the same across retries, restarts and manual redelivery and receivers can deduplicate on it.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    public enum Kind {
        /** One advisory × revision × event type, grouping the hospital's affected devices. */
        EVENT,
        /** One period of a DAILY_DIGEST subscription: the EVENT rows it collected (or none, as heartbeat). */
        DIGEST,
        /** A sample sent by POST /subscriptions/{id}/test. */
        TEST
    }

    public enum Status {
        /** Due at {@code nextAttemptAt}. */
        PENDING,
        /** Claimed by {@code leaseOwner} until {@code leaseUntil}; after that any instance may re-claim it. */
        SENDING,
        DELIVERED,
        /** Out of attempts, refused for good (4xx), or its subscription was disabled: visible, redeliverable. */
        DEAD,
        /** An event for a digest subscription, waiting for the period to close. */
        QUEUED,
        /** An event that went out inside the digest {@code digestId}. */
        DIGESTED
    }

    @Id
    public UUID id;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** subscription|advisory|revision|eventType: the event's identity, shared by its follow-up rows. */
    @Column(name = "base_key", nullable = false)
    public String baseKey;

    /** Unique: {@code baseKey}, or {@code baseKey#n} for devices that joined after the first row went out. */
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "advisory_id")
    public String advisoryId;

    @Column(name = "advisory_revision")
    public String advisoryRevision;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    public MatchEventType eventType;

    /** JSON array of {@link NoticeItem}: the findings with a snapshot of their devices at event time. */
    @Column(name = "items_json")
    public String itemsJson;

    @Column(name = "digest_id")
    public UUID digestId;

    @Column(name = "period_start")
    public Instant periodStart;

    @Column(name = "period_end")
    public Instant periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    static Delivery create(UUID hospitalId, UUID subscriptionId, Kind kind, String baseKey, String key, Status status,
            Instant at) {
        // Both databases keep microseconds and round the rest: a nanosecond "now" could be stored a little later
        // than the "now" of the claim in the same tick, and the row would wait for the next one.
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.hospitalId = hospitalId;
        d.subscriptionId = subscriptionId;
        d.kind = kind;
        d.baseKey = baseKey;
        d.idempotencyKey = key;
        d.status = status;
        d.nextAttemptAt = status == Status.PENDING ? now : null;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }
}
