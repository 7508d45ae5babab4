package org.vigil.console.session;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.vigil.console.ConsoleConfig;

/** Sign-in with one API key field, and sign-out. The only console page reachable without a session. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance login(String message, String next, String csrf);
    }

    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final ConsoleConfig config;

    public LoginResource(SessionService sessions, LoginThrottle throttle, ConsoleConfig config) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
    }

    @GET
    @Path("/login")
    public Response form(@QueryParam("next") String next, @Context UriInfo uri) {
        String csrf = CsrfTokens.newLoginToken();
        return Response.ok(Templates.login(null, safeNext(next), csrf))
                .header(HttpHeaders.SET_COOKIE, CsrfTokens.LOGIN_COOKIE + "=" + csrf
                        + "; Path=/ui/login; Max-Age=3600; HttpOnly; SameSite=Strict" + SessionCookie.secure(uri, config))
                .build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("apiKey") String apiKey, @FormParam("next") String next,
            @FormParam(CsrfTokens.FIELD) String csrf, @Context UriInfo uri, @Context HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        Instant now = Instant.now();
        Duration wait = throttle.waitFor(address, now);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds());
            return Response.status(429).header("Retry-After", seconds).type(MediaType.TEXT_HTML)
                    .entity(Templates.login("Too many failed sign-ins from your address. Try again in " + seconds
                            + " seconds.", safeNext(next), csrf).render()).build();
        }
        var token = sessions.signIn(apiKey);
        if (token.isEmpty()) {
            throttle.failed(address, now);
            return Response.status(401).type(MediaType.TEXT_HTML)
                    .entity(Templates.login("That key was not accepted.", safeNext(next), csrf).render()).build();
        }
        throttle.succeeded(address);
        String target = safeNext(next);
        return Response.seeOther(URI.create(target == null ? "/ui/" : target))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.set(token.get(), uri, config)).build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
        sessions.signOut(SessionCookie.token(headers));
        return Response.seeOther(URI.create("/ui/login"))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(uri, config)).build();
    }

    /** Only a console path of this site: never an absolute URL or "//host", so sign-in cannot redirect away. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/ui/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 2000 || next.startsWith("/ui/login")) {
            return null;
        }
        return next;
    }
}
