package org.vigil.matching.finding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.matching.evidence.Confidence;

/** A finding as the API shows it: the device, the advisory in brief, how sure, why, and where triage stands. */
public record FindingView(UUID id, DeviceSummary device, AdvisorySummary advisory, Confidence confidence,
        boolean needsReview, List<String> reasons, FindingState state, String justification, String resolution,
        String triagedBy, Instant triagedAt, String advisoryRevision, Instant firstSeen, Instant lastSeen) {

    /** Null fields other than id when the device has been removed from the inventory. */
    public record DeviceSummary(UUID id, String assetId, String manufacturer, String model, String version,
            String location, String department, int quantity) {
    }

    public record AdvisorySummary(String id, String source, String title, String severity, Double cvssMax,
            boolean kev, String url, String revision, Instant published, Instant updated) {
    }

    /** PATCH body: the new state and why. */
    public record Triage(String state, String justification) {
    }
}
