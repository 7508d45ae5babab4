package org.vigil.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it. {@code secret} is present only in the answer to its creation: it is
 * the Standard Webhooks signing secret and is never shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String name, String channel, List<String> emails, String url,
        String minSeverity, String minConfidence, List<String> sources, List<String> eventTypes, String mode,
        Integer digestHour, String timeZone, boolean heartbeat, boolean enabled, String disabledReason,
        Instant nextDigestAt, Instant createdAt, String lastError, Instant lastErrorAt, String secret) {

    static SubscriptionView of(Subscription s) {
        return withSecret(s, null);
    }

    static SubscriptionView withSecret(Subscription s, String secret) {
        return new SubscriptionView(s.id, s.name, s.channel.name(),
                s.channel == Subscription.Channel.EMAIL ? s.emailAddresses() : null, s.webhookUrl,
                s.minSeverity == null ? null : s.minSeverity.name(),
                s.minConfidence == null ? null : s.minConfidence.name(), List.copyOf(s.sourceSet()).stream().sorted().toList(),
                s.eventTypeSet().stream().map(Enum::name).sorted().toList(), s.mode.name(), s.digestHour, s.digestZone,
                s.heartbeat, s.enabled, s.disabledReason, s.nextDigestAt, s.createdAt, s.lastError, s.lastErrorAt, secret);
    }
}
