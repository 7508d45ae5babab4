package org.vigil.advisory;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One advisory of the normalized catalogue, whatever its source. */
@Entity
@Table(name = "advisory")
public class Advisory {

    @Id
    public String id;

    @Column(nullable = false)
    public String source;

    public String title;

    public String summary;

    public String url;

    public Instant published;

    public Instant updated;

    public String revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "cvss_max")
    public Double cvssMax;

    /** True when any of its CVEs is in CISA's KEV catalogue. */
    @Column(nullable = false)
    public boolean kev;

    /** The vendors named, joined, for search. */
    public String vendors;

    public String status;

    /** JSON arrays / object: see {@link AdvisoryDraft}. */
    @Column(name = "remediations_json")
    public String remediationsJson;

    @Column(name = "references_json")
    public String referencesJson;

    @Column(name = "revision_history_json")
    public String revisionHistoryJson;

    @Column(name = "details_json")
    public String detailsJson;

    @Column(name = "document_hash")
    public String documentHash;

    @Enumerated(EnumType.STRING)
    public Verification verification;

    @Column(name = "verification_detail")
    public String verificationDetail;

    @Column(name = "key_fingerprint")
    public String keyFingerprint;

    /** False when the document was not strict JSON and had to be read leniently; null when not checked. */
    @Column(name = "well_formed")
    public Boolean wellFormed;

    @Column(name = "well_formed_reason")
    public String wellFormedReason;

    /** Whether the document passed its JSON schema (CSAF 2.0); null when not checked. */
    @Column(name = "schema_valid")
    public Boolean schemaValid;

    @Column(name = "schema_violations_json")
    public String schemaViolationsJson;

    @Column(name = "raw_document")
    public String rawDocument;

    /** Hash of the normalized content; equal hashes mean nothing worth recording changed. */
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_changed", nullable = false)
    public Instant lastChanged;

    @OneToMany(mappedBy = "advisory", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AdvisoryCve> cves = new ArrayList<>();

    @OneToMany(mappedBy = "advisory", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AffectedProduct> products = new ArrayList<>();
}
