package org.vigil.ingest.fda.recall;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The two openFDA endpoints a recall is merged from, with their id field, the date fields a window queries
 * and how they write dates.
 */
enum Endpoint {
    /**
     * cfRES recalls. event_date_posted is when FDA classified the recall, event_date_initiated when the firm
     * started it; event_date_terminated is queried too so that a termination reaches us even for an old recall.
     */
    RECALL("recall", "/device/recall.json", "product_res_number",
            List.of("event_date_posted", "event_date_initiated", "event_date_terminated"),
            DateTimeFormatter.ISO_LOCAL_DATE),
    /** Weekly enforcement reports; termination_date for the same reason as above. */
    ENFORCEMENT("enforcement", "/device/enforcement.json", "recall_number",
            List.of("report_date", "termination_date"), DateTimeFormatter.BASIC_ISO_DATE);

    private final String key;
    private final String path;
    private final String idField;
    private final List<String> dateFields;
    private final DateTimeFormatter dateFormat;

    Endpoint(String key, String path, String idField, List<String> dateFields, DateTimeFormatter dateFormat) {
        this.key = key;
        this.path = path;
        this.idField = idField;
        this.dateFields = dateFields;
        this.dateFormat = dateFormat;
    }

    String key() {
        return key;
    }

    String path() {
        return path;
    }

    String idField() {
        return idField;
    }

    /** The search expression for records dated within [from, to] in any of the window fields. */
    String search(LocalDate from, LocalDate to) {
        StringBuilder sb = new StringBuilder();
        for (String field : dateFields) {
            if (!sb.isEmpty()) {
                sb.append("+OR+");
            }
            sb.append(field).append(":[").append(dateFormat.format(from)).append("+TO+")
                    .append(dateFormat.format(to)).append(']');
        }
        return sb.toString();
    }

    /** A stable order for paging (skip and search_after both need one). */
    String sort() {
        return dateFields.get(0) + ":asc";
    }
}
