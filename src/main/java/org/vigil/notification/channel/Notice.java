package org.vigil.notification.channel;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.notification.outbox.NoticeItem;

/**
 * Everything one delivery says, whatever the channel: the email templates and the webhook payload are both
 * rendered from it. An EVENT has one section; a DIGEST one per collected event (none for a heartbeat).
 *
 * @param kind EVENT, DIGEST or TEST
 */
@TemplateData
public record Notice(UUID deliveryId, String kind, UUID hospitalId, String hospitalName, List<Section> sections,
        Instant periodStart, Instant periodEnd, Instant createdAt, String baseUrl, UUID subscriptionId) {

    /** One advisory × event type with the hospital's devices it concerns. */
    @TemplateData
    public record Section(String eventType, AdvisorySummary advisory, List<NoticeItem> items) {

        /** Units affected: a device row with quantity 3 is three devices. */
        public int deviceCount() {
            return items.stream().mapToInt(i -> Math.max(1, i.quantity())).sum();
        }

        public String headline() {
            String product = advisory.product() == null ? "" : ": " + advisory.product();
            return switch (eventType) {
                case "FINDING_RESOLVED" -> "Resolved: " + advisory.id() + " no longer affects " + deviceCount()
                        + " of your devices" + product;
                case "FINDING_CHANGED" -> "Updated: " + advisory.severity() + " " + advisory.id() + " affects "
                        + deviceCount() + " of your devices" + product;
                case "KEV_ADDED" -> "Exploited (KEV): " + advisory.severity() + " " + advisory.id() + " affects "
                        + deviceCount() + " of your devices" + product;
                default -> advisory.severity() + " " + advisory.id() + " affects " + deviceCount()
                        + " of your devices" + product;
            };
        }
    }

    /** The advisory as it stands when the delivery is sent, with its provenance. */
    @TemplateData
    public record AdvisorySummary(String id, String source, String title, String severity, Double cvssMax,
            boolean kev, String revision, String url, Instant published, Instant updated, String product,
            List<CveLine> cves, List<String> remediations, String verification, String verificationDetail,
            String keyFingerprint, String documentHash, String link) {

        /** The severity banner's background in HTML mail. */
        public String color() {
            return severityColor(severity);
        }
    }

    @TemplateData
    public record CveLine(String cve, Double cvssScore, String cvssVersion, String cvssVector, boolean kev,
            String kevDateAdded, String kevDueDate, String kevRansomware) {
    }

    public String subject() {
        if (kind.equals("TEST")) {
            return "[Vigil] Test notification for " + hospitalName;
        }
        if (kind.equals("DIGEST")) {
            return sections.isEmpty()
                    ? "[Vigil] Daily digest for " + hospitalName + ": nothing new matched your devices"
                    : "[Vigil] Daily digest for " + hospitalName + ": " + sections.size()
                            + (sections.size() == 1 ? " advisory update" : " advisory updates") + " for your devices";
        }
        return "[Vigil] " + sections.get(0).headline();
    }

    public boolean digest() {
        return kind.equals("DIGEST");
    }

    /** The console's findings table, for a person clicking a link in an email. */
    public String findingsLink() {
        return baseUrl + "/ui/findings";
    }

    /** The subscription on the console's subscriptions page (also the List-Unsubscribe target). */
    public String subscriptionLink() {
        return baseUrl + "/ui/subscriptions" + (subscriptionId == null ? "" : "#subscription-" + subscriptionId);
    }

    /** Banner colour of a severity in HTML mail (the console's palette; white text reads on each). */
    public static String severityColor(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> "#8b0000";
            case "HIGH" -> "#b35900";
            case "MEDIUM" -> "#7a6200";
            case "LOW" -> "#1f6f3f";
            default -> "#57606a";
        };
    }
}
