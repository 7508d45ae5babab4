package org.vigil.notification;

import java.util.List;

/**
 * A new subscription as a client sends it. Enum values come as strings so a wrong one is answered with the
 * field and the allowed values.
 *
 * @param channel   EMAIL or WEBHOOK
 * @param emails    EMAIL: one or more addresses
 * @param url       WEBHOOK: an https URL on a public address
 * @param sources   source names (as in /api/v1/sources); empty = all
 * @param eventTypes NEW_FINDING, FINDING_CHANGED, KEV_ADDED, FINDING_RESOLVED; empty = all
 * @param mode      IMMEDIATE (default) or DAILY_DIGEST
 * @param digestHour DAILY_DIGEST: local hour 0-23 when the period closes and the digest goes out
 * @param timeZone  DAILY_DIGEST: IANA zone such as Europe/Berlin
 * @param heartbeat DAILY_DIGEST: send the digest also when nothing matched
 */
public record SubscriptionInput(String name, String channel, List<String> emails, String url, String minSeverity,
        String minConfidence, List<String> sources, List<String> eventTypes, String mode, Integer digestHour,
        String timeZone, Boolean heartbeat) {
}
