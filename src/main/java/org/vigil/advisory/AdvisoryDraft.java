package org.vigil.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An advisory as a source converter produces it: plain data, no persistence. {@link AdvisoryService#upsert}
 * stores it, compares it with the stored revision and records what changed.
 *
 * @param id        as the source writes it: {@code ICSMA-25-030-01}, {@code Z-1234-2025}, a safety communication slug
 * @param revision  the source's own version string ({@code tracking.version} for CSAF)
 * @param status    the source's status word (CSAF {@code final}; recall {@code Ongoing}/{@code Terminated})
 * @param details   source-specific facts worth showing (recall class, recalling firm, reason for recall, ...)
 */
public record AdvisoryDraft(String id, String source, String title, String summary, String url, Instant published,
        Instant updated, String revision, Severity severity, String status, List<Cve> cves, List<Product> products,
        List<Remediation> remediations, List<Reference> references, List<Revision> revisionHistory,
        Map<String, Object> details, Provenance provenance, String rawDocument) {

    /** One vulnerability with its CVSS (v3 preferred, v2 when that is all there is). */
    public record Cve(String cve, String cweId, String cweName, String summary, String cvssVersion,
            String cvssVector, Double cvssScore, String cvssSeverity, List<String> productIds) {
    }

    /**
     * One affected (or fixed / not affected) product. {@code versionText} is exactly what the source wrote;
     * {@code productId} is the source's id (CSAF {@code CSAFPID-0001}) that CVEs and remediations refer to.
     */
    /**
     * One affected product. {@code lots} and {@code serials} limit a recall to those units (entries ending in '*'
     * are prefixes, {@code a..b} ranges); empty when the source names no such limit, as CSAF never does.
     */
    public record Product(String productId, String vendor, String product, String versionText, ProductStatus status,
            String productCode, List<String> modelNumbers, List<String> catalogNumbers, List<String> udiDis,
            List<String> lots, List<String> serials, String fullName) {

        /** A product without a full name (CSAF's {@code product.name} of the leaf; recalls have none). */
        public Product(String productId, String vendor, String product, String versionText, ProductStatus status,
                String productCode, List<String> modelNumbers, List<String> catalogNumbers, List<String> udiDis,
                List<String> lots, List<String> serials) {
            this(productId, vendor, product, versionText, status, productCode, modelNumbers, catalogNumbers, udiDis,
                    lots, serials, null);
        }

        /** A product without lot or serial limits. */
        public Product(String productId, String vendor, String product, String versionText, ProductStatus status,
                String productCode, List<String> modelNumbers, List<String> catalogNumbers, List<String> udiDis) {
            this(productId, vendor, product, versionText, status, productCode, modelNumbers, catalogNumbers, udiDis,
                    List.of(), List.of(), null);
        }
    }

    /** CSAF remediation categories: vendor_fix, mitigation, workaround, no_fix_planned, none_available. */
    public record Remediation(String category, String details, String url, List<String> productIds) {
    }

    public record Reference(String url, String summary, String category) {
    }

    public record Revision(String number, Instant date, String summary, String legacyVersion) {
    }

    /**
     * @param documentHash     "sha512:&lt;hex&gt;" of the bytes as downloaded
     * @param detail           why verification failed, or what was checked
     * @param wellFormed       false when the document is not strict JSON and was read leniently (CSAF); null when
     *                         the source has no such check
     * @param wellFormedReason what was wrong with it, when {@code wellFormed} is false
     * @param schemaValid      whether the document passed its format's JSON schema (CSAF 2.0); null when not checked
     * @param schemaViolations the first few violations, each "/json/pointer: message"
     */
    public record Provenance(String documentHash, Verification verification, String detail, String keyFingerprint,
            Boolean wellFormed, String wellFormedReason, Boolean schemaValid, List<String> schemaViolations) {

        /** A provenance of a source without document checks. */
        public Provenance(String documentHash, Verification verification, String detail, String keyFingerprint) {
            this(documentHash, verification, detail, keyFingerprint, null, null, null, List.of());
        }

        /** This provenance with what reading the document found. */
        public Provenance withDocumentChecks(boolean wellFormed, String wellFormedReason, boolean schemaValid,
                List<String> schemaViolations) {
            return new Provenance(documentHash, verification, detail, keyFingerprint, wellFormed, wellFormedReason,
                    schemaValid, List.copyOf(schemaViolations));
        }
    }

    /** KEV facts for one CVE, as the catalogue states them. */
    public record KevEntry(String cve, LocalDate dateAdded, LocalDate dueDate, String ransomwareUse,
            String requiredAction, String vendorProject, String product) {
    }
}
