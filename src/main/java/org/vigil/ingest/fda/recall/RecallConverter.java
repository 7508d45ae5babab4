package org.vigil.ingest.fda.recall;

import static org.vigil.ingest.fda.recall.RecallRecords.basicDate;
import static org.vigil.ingest.fda.recall.RecallRecords.isoDate;
import static org.vigil.ingest.fda.recall.RecallRecords.list;
import static org.vigil.ingest.fda.recall.RecallRecords.nested;
import static org.vigil.ingest.fda.recall.RecallRecords.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;
import org.vigil.digest.Sha256;
import org.vigil.udi.LotsAndSerials;
import org.vigil.udi.PartNumbers;
import org.vigil.udi.UdiExtractor;

/**
 * One advisory per recall number, merged from its cfRES recall record and its enforcement report record, either
 * of which may be missing: the hazard class exists only in the enforcement report; product code, K-numbers and root
 * cause come from the recall record. Pure: no I/O, no clock.
 */
final class RecallConverter {

    static final String SOURCE = "fda-recall";
    static final String RES_PAGE = "https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfRES/res.cfm?id=";
    static final String ENFORCEMENT_QUERY = "https://api.fda.gov/device/enforcement.json?search=recall_number:%22";

    private RecallConverter() {
    }

    /** Merges the two records (either may be null, not both) into a draft; {@code raw} is kept as the raw document. */
    static AdvisoryDraft toDraft(JsonNode recall, JsonNode enforcement, String raw) {
        if (recall == null && enforcement == null) {
            throw new IllegalArgumentException("no record");
        }
        String id = recall != null ? RecallRecords.recallNumber(recall, Endpoint.RECALL)
                : RecallRecords.recallNumber(enforcement, Endpoint.ENFORCEMENT);
        String firm = first(text(recall, "recalling_firm"), text(enforcement, "recalling_firm"));
        String description = first(text(recall, "product_description"), text(enforcement, "product_description"));
        String deviceName = nested(recall, "openfda", "device_name");
        String codeInfo = first(text(recall, "code_info"), text(enforcement, "code_info"));
        String moreCodeInfo = text(enforcement, "more_code_info");
        String classification = text(enforcement, "classification");
        String status = status(text(recall, "recall_status"), text(enforcement, "status"));
        String productCode = first(text(recall, "product_code"), text(enforcement, "product_code"));
        String reason = first(text(recall, "reason_for_recall"), text(enforcement, "reason_for_recall"));

        LocalDate initiated = first(isoDate(recall, "event_date_initiated"), basicDate(enforcement, "recall_initiation_date"));
        LocalDate posted = isoDate(recall, "event_date_posted");
        LocalDate classified = basicDate(enforcement, "center_classification_date");
        LocalDate reported = basicDate(enforcement, "report_date");
        LocalDate terminated = first(isoDate(recall, "event_date_terminated"), basicDate(enforcement, "termination_date"));
        LocalDate created = isoDate(recall, "event_date_created");

        UdiExtractor.Found udi = UdiExtractor.extract(codeInfo, moreCodeInfo, description);
        LotsAndSerials.Found units = LotsAndSerials.extract(codeInfo, moreCodeInfo);
        PartNumbers.Found parts = PartNumbers.extract(description, codeInfo, moreCodeInfo);
        String productName = truncate(first(firstLine(description), deviceName, "Recalled device " + id), 2000);
        AdvisoryDraft.Product product = new AdvisoryDraft.Product(id, truncate(firm, 1000), productName, null,
                ProductStatus.AFFECTED, productCode == null ? null : truncate(productCode, 8), parts.modelNumbers(),
                parts.catalogNumbers(), udi.udiDis(), units.lots(), units.serials());

        Map<String, Object> details = new LinkedHashMap<>();
        put(details, "classification", classification);
        put(details, "recallStatus", text(recall, "recall_status"));
        put(details, "enforcementStatus", text(enforcement, "status"));
        put(details, "recallingFirm", firm);
        put(details, "firmAddress", address(recall != null ? recall : enforcement));
        put(details, "productDescription", description);
        put(details, "deviceName", deviceName);
        put(details, "productCode", productCode);
        put(details, "codeInfo", codeInfo);
        put(details, "moreCodeInfo", moreCodeInfo);
        put(details, "lots", units.lots());
        put(details, "serials", units.serials());
        put(details, "reasonForRecall", reason);
        put(details, "rootCause", text(recall, "root_cause_description"));
        put(details, "action", text(recall, "action"));
        put(details, "productQuantity", first(text(recall, "product_quantity"), text(enforcement, "product_quantity")));
        put(details, "distributionPattern", first(text(recall, "distribution_pattern"),
                text(enforcement, "distribution_pattern")));
        put(details, "kNumbers", list(recall, "k_numbers"));
        put(details, "pmaNumbers", list(recall, "pma_numbers"));
        put(details, "otherSubmission", text(recall, "other_submission_description"));
        put(details, "regulationNumber", nested(recall, "openfda", "regulation_number"));
        put(details, "deviceClass", nested(recall, "openfda", "device_class"));
        put(details, "voluntaryMandated", text(enforcement, "voluntary_mandated"));
        put(details, "initialFirmNotification", text(enforcement, "initial_firm_notification"));
        put(details, "resEventNumber", first(text(recall, "res_event_number"), text(enforcement, "event_id")));
        put(details, "cfresId", text(recall, "cfres_id"));
        put(details, "dateInitiated", initiated);
        put(details, "datePosted", posted);
        put(details, "dateClassified", classified);
        put(details, "dateReported", reported);
        put(details, "dateTerminated", terminated);
        put(details, "dateCreated", created);
        details.put("sources", Stream.of(recall == null ? null : "recall", enforcement == null ? null : "enforcement")
                .filter(Objects::nonNull).toList());

        String cfresId = text(recall, "cfres_id");
        String url = cfresId != null ? RES_PAGE + cfresId : ENFORCEMENT_QUERY + id + "%22";
        LocalDate published = first(posted, classified, reported, initiated, created);
        LocalDate updated = Stream.of(posted, classified, reported, terminated, created, initiated)
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        Severity severity = severity(classification);
        String title = truncate((firm == null ? "" : firm + ": ") + "recall of "
                + first(firstLine(description), deviceName, id), 2000);
        return new AdvisoryDraft(id, SOURCE, title, reason, url, instant(published), instant(updated),
                revision(classification, status, product, codeInfo, moreCodeInfo), severity, truncate(status, 64), List.of(),
                List.of(product), List.of(), List.of(), List.of(), details,
                new AdvisoryDraft.Provenance(null, Verification.UNVERIFIED, "openFDA over HTTPS; no signature", null),
                raw);
    }

    /** Class I → CRITICAL, II → HIGH, III → MEDIUM, "Not Yet Classified" or absent → UNKNOWN. */
    static Severity severity(String classification) {
        if (classification == null) {
            return Severity.UNKNOWN;
        }
        return switch (classification.strip().toUpperCase(Locale.ROOT)) {
            case "CLASS I", "I", "1" -> Severity.CRITICAL;
            case "CLASS II", "II", "2" -> Severity.HIGH;
            case "CLASS III", "III", "3" -> Severity.MEDIUM;
            default -> Severity.UNKNOWN;
        };
    }

    /**
     * The two endpoints are refreshed at different times and can disagree ("Open, Classified" vs "Ongoing"); the
     * most advanced stage wins so that the result does not depend on which record arrived last.
     */
    static String status(String recallStatus, String enforcementStatus) {
        return stage(recallStatus) >= stage(enforcementStatus)
                ? first(recallStatus, enforcementStatus) : enforcementStatus;
    }

    private static int stage(String status) {
        if (status == null) {
            return -1;
        }
        String s = status.toLowerCase(Locale.ROOT);
        if (s.contains("terminated")) {
            return 3;
        }
        if (s.contains("completed")) {
            return 2;
        }
        return s.contains("pending") ? 0 : 1;
    }

    /**
     * openFDA records have no version. The revision is a digest of what a hospital acts on (class, status, scope),
     * so change records and notifications key on a new revision exactly when one of those moves.
     */
    static String revision(String classification, String status, AdvisoryDraft.Product product, String codeInfo,
            String moreCodeInfo) {
        // Lots and serials are read from code_info, which is already here; the product is written as it was before
        // they existed, so that adding them did not give every stored recall a new revision (and new notices).
        String productText = "Product[productId=" + product.productId() + ", vendor=" + product.vendor()
                + ", product=" + product.product() + ", versionText=" + product.versionText() + ", status="
                + product.status() + ", productCode=" + product.productCode() + ", modelNumbers="
                + product.modelNumbers() + ", catalogNumbers=" + product.catalogNumbers() + ", udiDis="
                + product.udiDis() + "]";
        String material = String.join("\u0000", String.valueOf(classification), String.valueOf(status),
                productText, String.valueOf(codeInfo), String.valueOf(moreCodeInfo));
        return Sha256.hex(material, 6);
    }

    private static String address(JsonNode r) {
        String joined = String.join(", ", Stream.of(text(r, "address_1"), text(r, "address_2"), text(r, "city"),
                text(r, "state"), text(r, "postal_code"), text(r, "country")).filter(Objects::nonNull).toList());
        return joined.isEmpty() ? null : joined;
    }

    private static void put(Map<String, Object> details, String key, Object value) {
        if (value instanceof LocalDate d) {
            details.put(key, d.toString());
        } else if (value instanceof List<?> l) {
            if (!l.isEmpty()) {
                details.put(key, l);
            }
        } else if (value != null) {
            details.put(key, value);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        String line = s.strip().split("\\R|\\s{3,}", 2)[0].strip();
        return line.isEmpty() ? null : line;
    }

    private static java.time.Instant instant(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
