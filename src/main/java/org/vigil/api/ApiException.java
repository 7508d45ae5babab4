package org.vigil.api;

import java.util.List;

/**
 * An error the client caused or must know about, turned into an RFC 9457 problem by {@link ProblemMapper}.
 * The detail text is shown to the client, so it never carries internals.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<ProblemDetail.FieldError> errors;

    public ApiException(int status, String title, String detail, List<ProblemDetail.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiException badRequest(String detail, List<ProblemDetail.FieldError> errors) {
        return new ApiException(400, "Bad Request", detail, errors);
    }

    public static ApiException badField(String field, String message) {
        return badRequest(field + ": " + message, List.of(new ProblemDetail.FieldError(field, message)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not Found", what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "Content Too Large", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<ProblemDetail.FieldError> errors() {
        return errors;
    }
}
