package org.vigil.tenancy;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.vigil.api.ProblemDetail;

/**
 * Bearer-key authentication for every {@code /api/v1} path. Runs after resource matching, on the worker
 * thread of the blocking endpoint, so the key lookup may use the database.
 */
public class AuthFilter {

    private final ApiKeyService keys;
    private final Caller caller;

    public AuthFilter(ApiKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return unauthorized(path, "Missing bearer API key (Authorization: Bearer <key>)");
        }
        var key = keys.authenticate(header.substring(7).trim());
        if (key.isEmpty()) {
            return unauthorized(path, "Unknown or revoked API key");
        }
        caller.set(key.get());
        return null;
    }

    private static Response unauthorized(String path, String detail) {
        return Response.status(401)
                .type(ProblemDetail.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil\"")
                .entity(new ProblemDetail("about:blank", "Unauthorized", 401, detail, path, List.of()))
                .build();
    }
}
