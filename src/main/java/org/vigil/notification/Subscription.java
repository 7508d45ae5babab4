package org.vigil.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;

/** Where and when a hospital wants to hear about its findings: one channel, its filters and its mode. */
@Entity
@Table(name = "subscription")
public class Subscription {

    public enum Channel { EMAIL, WEBHOOK }

    public enum Mode { IMMEDIATE, DAILY_DIGEST }

    @Id
    public UUID id;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** Comma-separated, validated addresses. */
    @Column(name = "email_to")
    public String emailTo;

    @Column(name = "webhook_url")
    public String webhookUrl;

    /** {@code whsec_<base64>}, sealed by {@link SecretBox} when a key is set; needed to sign, never logged nor shown again. */
    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_severity")
    public Severity minSeverity;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_confidence")
    public Confidence minConfidence;

    /** Comma-separated source names; empty means every source. */
    public String sources;

    /** Comma-separated {@link MatchEventType} names. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public Mode mode;

    @Column(name = "digest_hour")
    public Integer digestHour;

    @Column(name = "digest_zone")
    public String digestZone;

    /** Send the digest also when nothing matched, so a quiet inbox means "checked, nothing found". */
    @Column(nullable = false)
    public boolean heartbeat;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** End of the digest period in progress (DAILY_DIGEST only). */
    @Column(name = "next_digest_at")
    public Instant nextDigestAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The last thing that went wrong with this subscription itself (e.g. its digest could not be closed). */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    public List<String> emailAddresses() {
        return split(emailTo);
    }

    public Set<String> sourceSet() {
        return Set.copyOf(split(sources));
    }

    public Set<MatchEventType> eventTypeSet() {
        return split(eventTypes).stream().map(MatchEventType::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** Turns the webhook off for good (410 Gone): the receiver said it will never take deliveries again. */
    public void disable(String reason) {
        enabled = false;
        disabledReason = reason;
        disabledAt = Instant.now();
    }

    /** Records a failure of this subscription's own processing, visible in the API. */
    public void recordError(String error, Instant at) {
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        lastErrorAt = at;
    }

    /** Whether an event of this type about an advisory of this source and severity is wanted at all. */
    public boolean wants(MatchEventType type, String source, Severity severity) {
        if (!eventTypeSet().contains(type)) {
            return false;
        }
        if (minSeverity != null && (severity == null || !severity.atLeast(minSeverity))) {
            return false;
        }
        Set<String> wanted = sourceSet();
        return wanted.isEmpty() || wanted.contains(source);
    }

    /** Whether a finding of this confidence is sure enough for this subscription. */
    public boolean wants(Confidence confidence) {
        return minConfidence == null || (confidence != null && confidence.atLeast(minConfidence));
    }

    static String join(Iterable<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
