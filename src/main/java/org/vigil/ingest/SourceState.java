package org.vigil.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Per source: its cursor (what has been committed so far, source-specific JSON) and the lease that keeps runs
 * of the same source from overlapping, also across instances sharing one database.
 */
@Entity
@Table(name = "source_state")
public class SourceState {

    @Id
    public String source;

    /** Source-specific JSON: watermarks, per-document timestamps, ETag / Last-Modified of index files. */
    @Column(name = "cursor_json")
    public String cursorJson;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_run_id")
    public java.util.UUID lastRunId;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
