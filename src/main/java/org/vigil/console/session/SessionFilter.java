package org.vigil.console.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.vigil.tenancy.Caller;

/**
 * Every console page but the sign-in needs a live session; the session's API key becomes the request's
 * {@link Caller}, so the pages go through exactly the checks the REST API applies to that key.
 */
public class SessionFilter {

    private final SessionService sessions;
    private final Caller caller;

    public SessionFilter(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/ui") || path.equals("/ui/login")) {
            return null;
        }
        var key = sessions.resolve(SessionCookie.token(request));
        if (key.isPresent()) {
            caller.set(key.get());
            return null;
        }
        String next = request.getMethod().equals("GET") ? request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                        : "?" + request.getUriInfo().getRequestUri().getRawQuery()) : "/ui/";
        URI login = URI.create("/ui/login" + (next.equals("/ui/") || next.equals("/ui") ? ""
                : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        if (request.getHeaderString("HX-Request") != null) {
            // htmx follows redirects inside the swapped fragment; ask it to load the sign-in page as a whole.
            return Response.noContent().header("HX-Redirect", login.toString()).build();
        }
        return Response.seeOther(login).build();
    }
}
