package org.vigil.console.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.vigil.console.ConsoleConfig;

/** The session cookie: HttpOnly, SameSite=Strict, scoped to /ui, Secure over https; no expiry (idle ends it). */
public final class SessionCookie {

    public static final String NAME = "vigil_session";

    private SessionCookie() {
    }

    public static String token(HttpHeaders headers) {
        Cookie c = headers.getCookies().get(NAME);
        return c == null ? null : c.getValue();
    }

    public static String token(ContainerRequestContext request) {
        Cookie c = request.getCookies().get(NAME);
        return c == null ? null : c.getValue();
    }

    /** Written by hand: the SameSite attribute is what matters most here and must not depend on a builder. */
    public static String set(String token, UriInfo uri, ConsoleConfig config) {
        return NAME + "=" + token + "; Path=/ui; HttpOnly; SameSite=Strict" + secure(uri, config);
    }

    public static String clear(UriInfo uri, ConsoleConfig config) {
        return NAME + "=; Path=/ui; Max-Age=0; HttpOnly; SameSite=Strict" + secure(uri, config);
    }

    static String secure(UriInfo uri, ConsoleConfig config) {
        return config.secureCookie() || "https".equalsIgnoreCase(uri.getRequestUri().getScheme()) ? "; Secure" : "";
    }
}
