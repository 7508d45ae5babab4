package org.vigil.notification.outbox;

import java.util.List;
import java.util.UUID;

/**
 * One affected device inside a notification, snapshotted when the event was recorded: a device deleted (or
 * edited) later still shows as it was when it matched.
 */
@io.quarkus.qute.TemplateData
public record NoticeItem(UUID findingId, UUID deviceId, String assetId, String manufacturer, String model,
        String version, String location, String department, int quantity, String confidence, List<String> reasons,
        String eventDetail) {
}
