package org.vigil.ingest.cisa.csaf;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Per-document watermark: the provider's timestamp of the version last imported. Written in the transaction
 * that stores the advisory, so a run that dies midway re-fetches exactly the documents it had not committed.
 */
@Entity
@Table(name = "csaf_document")
public class CsafDocument {

    /** Path relative to the provider's TLP directory, e.g. {@code 2025/icsma-25-030-01.json}. */
    @Id
    public String path;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    /** changes.csv / ROLIE timestamp, or the document's current_release_date when only an index lists it. */
    @Column(name = "release_timestamp")
    public Instant releaseTimestamp;

    @Column(name = "document_hash")
    public String documentHash;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;
}
