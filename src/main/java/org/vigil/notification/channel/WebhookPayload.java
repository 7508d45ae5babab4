package org.vigil.notification.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.notification.outbox.NoticeItem;

/**
 * The webhook body, schema {@code vigil.finding-event/v1} (documented in docs/notifications.md). Fields are only ever
 * added within v1; a rename or removal would be v2.
 *
 * @param id   the delivery id, equal to the {@code webhook-id} header: the same on every retry
 * @param type NEW_FINDING, FINDING_CHANGED, KEV_ADDED, FINDING_RESOLVED, DIGEST or TEST
 */
public record WebhookPayload(String schema, UUID id, String type, Instant createdAt, Hospital hospital,
        Period period, List<Event> events) {

    public static final String SCHEMA = "vigil.finding-event/v1";

    public record Hospital(UUID id, String name) {
    }

    public record Period(Instant start, Instant end) {
    }

    public record Event(String type, Notice.AdvisorySummary advisory, int deviceCount, List<FindingEntry> findings) {
    }

    public record FindingEntry(UUID findingId, String confidence, List<String> evidence, String change, Device device) {
    }

    public record Device(UUID id, String assetId, String manufacturer, String model, String version, String location,
            String department, int quantity) {
    }

    public static WebhookPayload of(Notice n) {
        String type = n.kind().equals("EVENT") ? n.sections().get(0).eventType() : n.kind();
        List<Event> events = n.sections().stream().map(s -> new Event(s.eventType(), s.advisory(), s.deviceCount(),
                s.items().stream().map(WebhookPayload::entry).toList())).toList();
        return new WebhookPayload(SCHEMA, n.deliveryId(), type, n.createdAt(), new Hospital(n.hospitalId(), n.hospitalName()),
                n.periodStart() == null ? null : new Period(n.periodStart(), n.periodEnd()), events);
    }

    private static FindingEntry entry(NoticeItem i) {
        return new FindingEntry(i.findingId(), i.confidence(), i.reasons(), i.eventDetail(), new Device(i.deviceId(),
                i.assetId(), i.manufacturer(), i.model(), i.version(), i.location(), i.department(), i.quantity()));
    }
}
