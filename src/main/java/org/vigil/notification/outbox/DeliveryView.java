package org.vigil.notification.outbox;

import java.time.Instant;
import java.util.UUID;
import org.vigil.advisory.Json;

/**
 * One row of the delivery log. {@code webhookId} is what receivers see in the {@code webhook-id} header;
 * {@code devices} counts the device rows the notification covers.
 */
public record DeliveryView(UUID id, UUID subscriptionId, String kind, String status, String advisoryId,
        String advisoryRevision, String eventType, int devices, int attempts, Integer lastStatusCode, String lastError,
        Instant nextAttemptAt, Instant createdAt, Instant updatedAt, Instant deliveredAt, UUID digestId,
        Instant periodStart, Instant periodEnd, String webhookId) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.subscriptionId, d.kind.name(), d.status.name(), d.advisoryId,
                d.advisoryRevision, d.eventType == null ? null : d.eventType.name(),
                Json.readList(d.itemsJson, NoticeItem.class).size(), d.attempts, d.lastStatusCode, d.lastError,
                d.nextAttemptAt, d.createdAt, d.updatedAt, d.deliveredAt, d.digestId, d.periodStart, d.periodEnd,
                d.id.toString());
    }
}
