package org.vigil.matching;

import java.time.Instant;
import java.util.UUID;

/** A re-match run as the API shows it. */
public record MatchingRunView(UUID id, String kind, String status, String reason, Counts counts, int attempts,
        String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt, String message) {

    public record Counts(long devices, long newFindings, long changedFindings, long resolvedFindings, long events) {
    }

    public static MatchingRunView of(MatchingRun r) {
        return new MatchingRunView(r.id, r.kind.name(), r.status.name(), r.reason, new Counts(r.devices, r.newFindings,
                r.changedFindings, r.resolvedFindings, r.events), r.attempts, r.requestedBy, r.createdAt, r.startedAt,
                r.finishedAt, r.message);
    }
}
