package org.vigil.advisory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Between {@link AdvisoryDraft} and the stored entities. */
final class AdvisoryMapper {

    private AdvisoryMapper() {
    }

    /**
     * Copies a draft onto an entity, replacing its CVEs and products. {@code rangeOf} renders a version text as
     * its parsed range (canonical form or "unparseable"); KEV flags of CVEs that stay are kept.
     */
    static void apply(AdvisoryDraft d, Advisory a, UnaryOperator<String> rangeOf) {
        a.source = d.source();
        a.title = d.title();
        a.summary = d.summary();
        a.url = d.url();
        a.published = d.published();
        a.updated = d.updated();
        a.revision = d.revision();
        a.severity = d.severity() == null ? Severity.UNKNOWN : d.severity();
        a.status = d.status();
        a.remediationsJson = Json.write(d.remediations());
        a.referencesJson = Json.write(d.references());
        a.revisionHistoryJson = Json.write(d.revisionHistory());
        a.detailsJson = Json.write(d.details());
        a.rawDocument = d.rawDocument();
        applyProvenance(d.provenance(), a);
        Set<String> vendors = new LinkedHashSet<>();
        d.products().forEach(p -> {
            if (p.vendor() != null && !p.vendor().isBlank()) {
                vendors.add(p.vendor().strip());
            }
        });
        a.vendors = String.join("; ", vendors);

        java.util.Map<String, AdvisoryCve> previous = new java.util.HashMap<>();
        a.cves.forEach(c -> previous.put(c.cve, c));
        a.cves.clear();
        Double max = null;
        int i = 0;
        for (AdvisoryDraft.Cve c : d.cves()) {
            AdvisoryCve e = new AdvisoryCve();
            e.id = UUID.randomUUID();
            e.advisory = a;
            e.position = i++;
            e.cve = c.cve();
            e.cweId = c.cweId();
            e.cweName = c.cweName();
            e.summary = c.summary();
            e.cvssVersion = c.cvssVersion();
            e.cvssVector = c.cvssVector();
            e.cvssScore = c.cvssScore();
            e.cvssSeverity = c.cvssSeverity();
            e.productIdsJson = Json.write(c.productIds());
            AdvisoryCve old = previous.get(c.cve());
            if (old != null && old.kev) {
                e.kev = true;
                e.kevDateAdded = old.kevDateAdded;
                e.kevDueDate = old.kevDueDate;
                e.kevRansomware = old.kevRansomware;
                e.kevRequiredAction = old.kevRequiredAction;
            }
            if (c.cvssScore() != null && (max == null || c.cvssScore() > max)) {
                max = c.cvssScore();
            }
            a.cves.add(e);
        }
        a.cvssMax = max;
        a.kev = a.cves.stream().anyMatch(c -> c.kev);

        a.products.clear();
        i = 0;
        for (AdvisoryDraft.Product p : d.products()) {
            AffectedProduct e = new AffectedProduct();
            e.id = UUID.randomUUID();
            e.advisory = a;
            e.position = i++;
            e.productId = p.productId();
            e.vendor = p.vendor();
            e.product = p.product();
            e.versionText = p.versionText();
            e.versionRange = p.versionText() == null || p.versionText().isBlank() ? null : rangeOf.apply(p.versionText());
            e.status = p.status() == null ? ProductStatus.AFFECTED : p.status();
            e.productCode = p.productCode();
            e.modelNumbersJson = Json.write(p.modelNumbers());
            e.catalogNumbersJson = Json.write(p.catalogNumbers());
            e.udiDisJson = Json.write(p.udiDis());
            e.lotsJson = Json.write(p.lots());
            e.serialsJson = Json.write(p.serials());
            e.fullName = p.fullName() == null || p.fullName().length() <= 2000 ? p.fullName()
                    : p.fullName().substring(0, 2000);
            a.products.add(e);
        }
    }

    static AdvisoryDraft toDraft(Advisory a) {
        List<AdvisoryDraft.Cve> cves = a.cves.stream().map(c -> new AdvisoryDraft.Cve(c.cve, c.cweId, c.cweName,
                c.summary, c.cvssVersion, c.cvssVector, c.cvssScore, c.cvssSeverity,
                Json.readList(c.productIdsJson, String.class))).toList();
        List<AdvisoryDraft.Product> products = a.products.stream().map(p -> new AdvisoryDraft.Product(p.productId,
                p.vendor, p.product, p.versionText, p.status, p.productCode,
                Json.readList(p.modelNumbersJson, String.class), Json.readList(p.catalogNumbersJson, String.class),
                Json.readList(p.udiDisJson, String.class), Json.readList(p.lotsJson, String.class),
                Json.readList(p.serialsJson, String.class), p.fullName)).toList();
        return new AdvisoryDraft(a.id, a.source, a.title, a.summary, a.url, a.published, a.updated, a.revision,
                a.severity, a.status, cves, products, Json.readList(a.remediationsJson, AdvisoryDraft.Remediation.class),
                Json.readList(a.referencesJson, AdvisoryDraft.Reference.class),
                Json.readList(a.revisionHistoryJson, AdvisoryDraft.Revision.class), Json.readMap(a.detailsJson),
                provenance(a),
                a.rawDocument);
    }

    /** Copies the provenance (when there is one) onto the entity: also for an unchanged re-publication. */
    static void applyProvenance(AdvisoryDraft.Provenance p, Advisory a) {
        if (p == null) {
            return;
        }
        a.documentHash = p.documentHash();
        a.verification = p.verification();
        a.verificationDetail = p.detail();
        a.keyFingerprint = p.keyFingerprint();
        a.wellFormed = p.wellFormed();
        a.wellFormedReason = p.wellFormedReason();
        a.schemaValid = p.schemaValid();
        a.schemaViolationsJson = p.schemaValid() == null ? null : Json.write(p.schemaViolations());
    }

    static AdvisoryDraft.Provenance provenance(Advisory a) {
        return new AdvisoryDraft.Provenance(a.documentHash, a.verification, a.verificationDetail, a.keyFingerprint,
                a.wellFormed, a.wellFormedReason, a.schemaValid, Json.readList(a.schemaViolationsJson, String.class));
    }
}
