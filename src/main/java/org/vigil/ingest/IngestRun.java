package org.vigil.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of one source: when, how it ended, what it counted, and the errors of items that failed. */
@Entity
@Table(name = "ingest_run")
public class IngestRun {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false)
    public Trigger trigger;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "seen_count", nullable = false)
    public int seen;

    @Column(name = "new_count", nullable = false)
    public int created;

    @Column(name = "updated_count", nullable = false)
    public int updated;

    @Column(name = "failed_count", nullable = false)
    public int failed;

    /** JSON array of {item, reason}, at most {@link RunContext#MAX_ERRORS} kept. */
    @Column(name = "errors_json")
    public String errorsJson;

    /** Why the run as a whole failed, when it did. */
    public String message;

    public enum Status {
        /** Waiting for the source lease (manual run while another run holds it). */
        QUEUED, RUNNING, SUCCEEDED, PARTIAL, FAILED, SKIPPED
    }

    public enum Trigger {
        SCHEDULED, MANUAL, FULL_RESYNC
    }
}
