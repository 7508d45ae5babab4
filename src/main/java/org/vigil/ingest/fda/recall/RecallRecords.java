package org.vigil.ingest.fda.recall;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading openFDA device records leniently: absent and null fields are normal, {@code openfda.regulation_number}
 * is a string in practice and an array in the docs, and the two endpoints write dates differently
 * ({@code recall.json} "2019-05-17", {@code enforcement.json} "20190517"). A record without its id or with a
 * date that is not a date is malformed: {@link MalformedRecordException}.
 */
final class RecallRecords {

    static final Pattern RECALL_NUMBER = Pattern.compile("Z-\\d{3,5}-\\d{4}");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private RecallRecords() {
    }

    static final class MalformedRecordException extends RuntimeException {
        MalformedRecordException(String message) {
            super(message);
        }
    }

    /** The recall number a record belongs to: {@code product_res_number} (recall) or {@code recall_number} (enforcement). */
    static String recallNumber(JsonNode record, Endpoint endpoint) {
        String id = text(record, endpoint.idField());
        if (id == null) {
            throw new MalformedRecordException(endpoint.idField() + " is missing");
        }
        id = id.strip();
        if (!RECALL_NUMBER.matcher(id).matches()) {
            throw new MalformedRecordException(endpoint.idField() + " '" + abbreviate(id) + "' is not a recall number");
        }
        return id;
    }

    /** A string field; blank, "N/A" and non-string values read as null. */
    static String text(JsonNode record, String field) {
        JsonNode n = record == null ? null : record.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : text(n.get(0));
        }
        return text(n);
    }

    private static String text(JsonNode n) {
        if (!n.isValueNode()) {
            return null;
        }
        String s = n.asText().strip();
        return s.isEmpty() || s.equalsIgnoreCase("N/A") ? null : s;
    }

    static String nested(JsonNode record, String object, String field) {
        return record == null ? null : text(record.get(object), field);
    }

    static List<String> list(JsonNode record, String field) {
        List<String> out = new ArrayList<>();
        JsonNode n = record == null ? null : record.get(field);
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(e -> {
                String s = text(e);
                if (s != null) {
                    out.add(s);
                }
            });
        } else if (text(n) != null) {
            out.add(text(n));
        }
        return out;
    }

    /** recall.json dates: "2019-05-17". */
    static LocalDate isoDate(JsonNode record, String field) {
        return date(record, field, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** enforcement.json dates: "20190517". */
    static LocalDate basicDate(JsonNode record, String field) {
        return date(record, field, BASIC);
    }

    private static LocalDate date(JsonNode record, String field, DateTimeFormatter format) {
        String s = text(record, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s, format);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException(field + " '" + abbreviate(s) + "' is not a date");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
