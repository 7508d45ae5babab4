package org.vigil.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details. {@code errors} names the fields (or CSV lines) that were wrong, so a client can
 * point its user at the exact place.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One wrong field: {@code field} is a JSON property path, or {@code line} a 1-based input line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, Integer line, String message) {
        public FieldError(String field, String message) {
            this(field, null, message);
        }
    }
}
