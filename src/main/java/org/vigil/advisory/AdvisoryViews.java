package org.vigil.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** API shapes of the catalogue (records, never entities). */
public final class AdvisoryViews {

    private AdvisoryViews() {
    }

    /** One row of {@code GET /api/v1/advisories}. */
    public record Summary(String id, String source, String title, Severity severity, Double cvssMax, boolean kev,
            String vendors, Instant published, Instant updated, String revision, String url, Verification verification) {

        static Summary of(Advisory a) {
            return new Summary(a.id, a.source, a.title, a.severity, a.cvssMax, a.kev, a.vendors, a.published, a.updated,
                    a.revision, a.url, a.verification);
        }
    }

    /** {@code GET /api/v1/advisories/{id}}: everything Vigil knows about one advisory and where it came from. */
    public record Detail(String id, String source, String title, String summary, String url, Instant published,
            Instant updated, String revision, String status, Severity severity, Double cvssMax, boolean kev,
            String vendors, List<Product> products, List<Cve> cves, List<AdvisoryDraft.Remediation> remediations,
            List<AdvisoryDraft.Reference> references, List<AdvisoryDraft.Revision> revisionHistory,
            Map<String, Object> details, List<Change> changes, Provenance provenance, Instant firstSeen,
            Instant lastChanged) {
    }

    /** {@code versionText} as the source wrote it; {@code versionRange} parsed (canonical) or "unparseable". */
    public record Product(String productId, String vendor, String product, String versionText, String versionRange,
            ProductStatus status, String productCode, List<String> modelNumbers, List<String> catalogNumbers,
            List<String> udiDis) {
    }

    public record Cve(String cve, String cweId, String cweName, String summary, String cvssVersion, String cvssVector,
            Double cvssScore, String cvssSeverity, List<String> productIds, boolean kev, LocalDate kevDateAdded,
            LocalDate kevDueDate, String kevRansomwareUse, String kevRequiredAction) {
    }

    public record Change(String revision, ChangeType type, boolean material, String detail, Instant createdAt) {
    }

    /**
     * Where the document came from and what checking it found. {@code wellFormed} false: it was not strict JSON and
     * was read leniently ({@code wellFormedReason} says where); {@code schemaValid} false: it breaks the CSAF 2.0
     * schema ({@code schemaViolations}, the first few). Both null for sources without such checks.
     */
    public record Provenance(String documentHash, Verification verification, String detail, String keyFingerprint,
            Boolean wellFormed, String wellFormedReason, Boolean schemaValid, List<String> schemaViolations) {

        static Provenance of(AdvisoryDraft.Provenance p) {
            return new Provenance(p.documentHash(), p.verification(), p.detail(), p.keyFingerprint(), p.wellFormed(),
                    p.wellFormedReason(), p.schemaValid(), p.schemaViolations());
        }
    }
}
