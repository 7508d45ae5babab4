package org.vigil.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.advisory.Json;

/** A run as the API shows it. */
public record RunView(UUID id, String source, String status, String trigger, Instant startedAt, Instant finishedAt,
        Counts counts, String message, List<RunContext.ItemError> errors) {

    public record Counts(int seen, int created, int updated, int failed) {
    }

    static RunView of(IngestRun r) {
        return new RunView(r.id, r.source, r.status.name(), r.trigger.name(), r.startedAt, r.finishedAt,
                new Counts(r.seen, r.created, r.updated, r.failed), r.message,
                Json.readList(r.errorsJson, RunContext.ItemError.class));
    }
}
