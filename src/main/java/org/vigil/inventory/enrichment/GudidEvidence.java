package org.vigil.inventory.enrichment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GUDID enrichment as a device shows it: {@code status} PENDING, ENRICHED, NOT_FOUND or FAILED (retried at
 * {@code nextAttemptAt}), the fields GUDID filled because the hospital left them blank, the last error, and the
 * GUDID record the values came from.
 */
public record GudidEvidence(String status, Instant checkedAt, Instant nextAttemptAt, String error,
        List<String> filled, Map<String, Object> record) {
}
