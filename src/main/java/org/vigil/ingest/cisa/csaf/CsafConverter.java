package org.vigil.ingest.cisa.csaf;

import static org.vigil.ingest.cisa.csaf.CsafProducts.text;
import static org.vigil.ingest.cisa.csaf.CsafProducts.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryDraft.Cve;
import org.vigil.advisory.AdvisoryDraft.Product;
import org.vigil.advisory.AdvisoryDraft.Provenance;
import org.vigil.advisory.AdvisoryDraft.Reference;
import org.vigil.advisory.AdvisoryDraft.Remediation;
import org.vigil.advisory.AdvisoryDraft.Revision;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.digest.Sha256;

/** CSAF 2.0 document text → {@link AdvisoryDraft}. Pure: no I/O, no Quarkus. */
final class CsafConverter {

    static final String SOURCE = "cisa-csaf";
    private static final int MAX_KEY = 64;

    private CsafConverter() {
    }

    /**
     * Parses the document (leniently only for trailing commas, see {@link CsafJson}), validates it against the CSAF
     * 2.0 schema and converts what can be read: a safety tool prefers an alert from an imperfect document to none,
     * so schema violations do not refuse it; they are recorded in the provenance for users to see. The raw text is
     * kept as it came (CRLF and all).
     */
    static AdvisoryDraft convert(String raw, Provenance provenance) throws CsafFormatException {
        CsafJson.Parsed parsed = CsafJson.read(raw);
        JsonNode root = parsed.root();
        JsonNode document = root.path("document");
        JsonNode tracking = document.path("tracking");
        String id = text(tracking, "id");
        if (id == null || id.isBlank()) {
            throw new CsafFormatException("not a CSAF document: document.tracking.id is missing");
        }
        CsafSchema.Result schema = CsafSchema.validate(root);
        Provenance checked = provenance == null ? null : provenance.withDocumentChecks(parsed.notWellFormed() == null,
                parsed.notWellFormed(), schema.valid(), schema.violations());
        Map<String, Product> products = CsafProducts.read(root.path("product_tree"));
        Map<String, ProductStatus> statuses = new LinkedHashMap<>();
        List<Cve> cves = new ArrayList<>();
        Map<String, Remediation> remediations = new LinkedHashMap<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            readStatuses(v.path("product_status"), statuses);
            Cve cve = readCve(v);
            if (cve != null) {
                cves.add(cve);
            }
            for (JsonNode r : v.path("remediations")) {
                mergeRemediation(remediations, r);
            }
        }
        List<Product> productList = products.values().stream().map(p -> withStatus(p, statuses.get(p.productId())))
                .toList();
        Double max = cves.stream().map(Cve::cvssScore).filter(s -> s != null).max(Double::compare).orElse(null);
        Map<String, Object> details = details(document);
        String key = fit(id.strip());
        if (!key.equals(id.strip())) {
            details.put("trackingId", id.strip());
        }
        return new AdvisoryDraft(key, SOURCE, text(document, "title"), summary(document), webUrl(document),
                instant(text(tracking, "initial_release_date")), instant(text(tracking, "current_release_date")),
                fit(text(tracking, "version")), Severity.ofCvss(max), text(tracking, "status"), cves, productList,
                List.copyOf(remediations.values()), references(document), revisions(tracking), details, checked, raw);
    }

    private static void readStatuses(JsonNode status, Map<String, ProductStatus> statuses) {
        status.fields().forEachRemaining(e -> {
            ProductStatus s = switch (e.getKey()) {
                case "known_affected", "first_affected", "last_affected" -> ProductStatus.AFFECTED;
                case "fixed", "first_fixed" -> ProductStatus.FIXED;
                case "known_not_affected" -> ProductStatus.NOT_AFFECTED;
                case "under_investigation" -> ProductStatus.UNDER_INVESTIGATION;
                default -> null;
            };
            if (s != null) {
                e.getValue().forEach(id -> statuses.merge(id.asText(), s, CsafConverter::stronger));
            }
        });
    }

    /** A product affected by one vulnerability and fixed for another is affected. */
    private static ProductStatus stronger(ProductStatus a, ProductStatus b) {
        List<ProductStatus> order = List.of(ProductStatus.AFFECTED, ProductStatus.UNDER_INVESTIGATION,
                ProductStatus.FIXED, ProductStatus.NOT_AFFECTED);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    private static Product withStatus(Product p, ProductStatus status) {
        return status == null ? p : new Product(p.productId(), p.vendor(), p.product(), p.versionText(), status,
                p.productCode(), p.modelNumbers(), p.catalogNumbers(), p.udiDis(), p.lots(), p.serials(), p.fullName());
    }

    /** CVSS v3 when any score has it (highest wins), v2 otherwise. */
    private static Cve readCve(JsonNode v) {
        String cve = text(v, "cve");
        if (cve == null || cve.isBlank()) {
            return null;
        }
        JsonNode best = null;
        String version = null;
        Set<String> productIds = new LinkedHashSet<>();
        for (String kind : List.of("cvss_v3", "cvss_v2")) {
            for (JsonNode score : v.path("scores")) {
                JsonNode cvss = score.path(kind);
                if (cvss.path("baseScore").isNumber() && (best == null
                        || cvss.path("baseScore").asDouble() > best.path("baseScore").asDouble())) {
                    best = cvss;
                    version = text(cvss, "version");
                }
            }
            if (best != null) {
                break;
            }
        }
        v.path("product_status").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("recommended")) {
                e.getValue().forEach(id -> productIds.add(id.asText()));
            }
        });
        String summary = null;
        for (JsonNode note : v.path("notes")) {
            if ("summary".equals(text(note, "category")) || summary == null && "description".equals(text(note, "category"))) {
                summary = text(note, "text");
            }
        }
        Double score = best == null ? null : best.path("baseScore").asDouble();
        String severity = best == null ? null : text(best, "baseSeverity");
        if (best != null && severity == null) {
            severity = Severity.ofCvss(score).name();
        }
        return new Cve(cve.strip(), text(v.path("cwe"), "id"), text(v.path("cwe"), "name"), summary, version,
                best == null ? null : text(best, "vectorString"), score, severity, List.copyOf(productIds));
    }

    /** CISA repeats one remediation under every vulnerability: merged by category and text, product ids united. */
    private static void mergeRemediation(Map<String, Remediation> all, JsonNode r) {
        String key = text(r, "category") + "|" + text(r, "details") + "|" + text(r, "url");
        Remediation old = all.get(key);
        Set<String> ids = new LinkedHashSet<>(old == null ? List.of() : old.productIds());
        ids.addAll(texts(r.path("product_ids")));
        all.put(key, new Remediation(text(r, "category"), text(r, "details"), text(r, "url"), List.copyOf(ids)));
    }

    private static String summary(JsonNode document) {
        for (JsonNode note : document.path("notes")) {
            if ("summary".equals(text(note, "category"))) {
                return text(note, "text");
            }
        }
        return null;
    }

    /** The human page ("... - Web Version") when present, else the first self link. */
    private static String webUrl(JsonNode document) {
        String first = null;
        for (JsonNode ref : document.path("references")) {
            if ("self".equals(text(ref, "category"))) {
                String url = text(ref, "url");
                if (url != null && !url.endsWith(".json")) {
                    return url;
                }
                first = first == null ? url : first;
            }
        }
        return first;
    }

    private static List<Reference> references(JsonNode document) {
        List<Reference> out = new ArrayList<>();
        document.path("references").forEach(r -> out.add(new Reference(text(r, "url"), text(r, "summary"),
                text(r, "category"))));
        return out;
    }

    private static List<Revision> revisions(JsonNode tracking) {
        List<Revision> out = new ArrayList<>();
        tracking.path("revision_history").forEach(r -> out.add(new Revision(text(r, "number"),
                instant(text(r, "date")), text(r, "summary"), text(r, "legacy_version"))));
        return out;
    }

    /** The "other" notes CISA uses for context (sectors, countries, headquarters) plus the TLP label. */
    private static Map<String, Object> details(JsonNode document) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (JsonNode note : document.path("notes")) {
            if ("other".equals(text(note, "category")) && text(note, "title") != null) {
                details.put(text(note, "title"), text(note, "text"));
            }
        }
        String tlp = text(document.path("distribution").path("tlp"), "label");
        if (tlp != null) {
            details.put("TLP", tlp);
        }
        return details;
    }

    /**
     * Ids and revisions are keys in many tables (64 characters). CSAF sets them no maximum, so a longer one keeps
     * its start and gains a digest of the whole: stable across runs, distinct for distinct values.
     */
    static String fit(String key) {
        return key == null || key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY - 9) + "~" + Sha256.hex(key, 4);
    }

    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
