package org.vigil.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.api.ApiException;
import org.vigil.api.ProblemDetail;

/**
 * The field errors of a refused form, keyed by the API's field name, so a page shows each message next to its
 * control. Errors without a field (or for a field the form does not have) go to {@link #general()}.
 */
public final class FieldErrors {

    private static final FieldErrors NONE = new FieldErrors(Map.of(), null);

    private final Map<String, String> byField;
    private final String general;

    private FieldErrors(Map<String, String> byField, String general) {
        this.byField = byField;
        this.general = general;
    }

    public static FieldErrors none() {
        return NONE;
    }

    /** @param fields the form's field names; an error on any other field is shown as a general message */
    public static FieldErrors of(ApiException e, List<String> fields) {
        Map<String, String> map = new LinkedHashMap<>();
        StringBuilder other = new StringBuilder();
        for (ProblemDetail.FieldError f : e.errors()) {
            String field = f.field() == null ? null : f.field().replaceAll("\\[\\d+]$", "");
            if (field != null && fields.contains(field)) {
                map.merge(field, f.message(), (a, b) -> a + "; " + b);
            } else {
                other.append(other.length() == 0 ? "" : "; ").append(f.field() == null ? "" : f.field() + ": ").append(f.message());
            }
        }
        if (map.isEmpty() && other.length() == 0) {
            other.append(e.getMessage());
        }
        return new FieldErrors(map, other.length() == 0 ? null : other.toString());
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general == null;
    }

    public String general() {
        return general;
    }
}
