package org.vigil.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.redaction.Redactor;

/**
 * The one place where exceptions become RFC 9457 problem responses. Clients never see stack traces or class
 * names; unexpected errors get an opaque reference that is also logged, so support can find the cause.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemDetail.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemDetail.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "Bad Request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request,
            jakarta.ws.rs.core.HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "Method not allowed on " + uri.getPath();
            case 406 -> "This resource cannot produce the requested media type";
            case 413 -> "Request body too large";
            case 415 -> unsupported(uri, request, headers);
            default -> title;
        };
        return problem(status, title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (reference %s)", uri.getPath(), reference);
        return problem(500, "Internal Server Error", "Unexpected error; reference " + reference, uri, List.of());
    }

    private static String unsupported(UriInfo uri, jakarta.ws.rs.core.Request request,
            jakarta.ws.rs.core.HttpHeaders headers) {
        java.util.Set<String> accepted = AcceptedTypes.at(request.getMethod(), uri.getPath());
        String sent = headers.getMediaType() == null ? "no Content-Type" : "Content-Type " + headers.getMediaType();
        return accepted.isEmpty() ? "Unsupported media type (" + sent + ")"
                : request.getMethod() + " " + uri.getPath() + " accepts " + String.join(", ", accepted) + "; this "
                + "request has " + sent;
    }

    private Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String path = unknown.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return problem(400, "Bad Request", "Unknown field '" + path + "'" + where + "; accepted: "
                    + String.join(", ", known), uri, List.of(new ProblemDetail.FieldError(path, "unknown field")));
        }
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String detail = field != null
                ? "Invalid value for '" + field + "'" + where
                : "Malformed JSON" + where + ": " + e.getOriginalMessage();
        List<ProblemDetail.FieldError> errors = field != null
                ? List.of(new ProblemDetail.FieldError(field, "invalid value or type"))
                : List.of();
        return problem(400, "Bad Request", detail, uri, errors);
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "create.input.manufacturer": the method and parameter names are noise to a client.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    static Response problem(int status, String title, String detail, UriInfo uri,
            List<ProblemDetail.FieldError> errors) {
        String instance = uri == null ? null : uri.getPath();
        List<ProblemDetail.FieldError> safeErrors = errors.stream()
                .map(f -> new ProblemDetail.FieldError(f.field(), f.line(), Redactor.redact(f.message()))).toList();
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail("about:blank", title, status, Redactor.redact(detail), instance, safeErrors))
                .build();
    }
}
