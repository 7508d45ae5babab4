package org.vigil.console.session;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.vigil.console.ConsoleErrors;

/**
 * Every state-changing console request must carry the form's CSRF token ({@link CsrfTokens}); without it the
 * answer is 403. Only /ui: API calls authenticate with a bearer header that a browser never adds on its own,
 * so a forged cross-site form cannot act through them.
 */
public class CsrfCheck {

    @ServerRequestFilter
    @WithFormRead
    public Response verify(ResteasyReactiveContainerRequestContext request) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || !path.startsWith("/ui")) {
            return null;
        }
        String expected = path.equals("/ui/login") ? value(request.getCookies().get(CsrfTokens.LOGIN_COOKIE))
                : CsrfTokens.forSession(value(request.getCookies().get(SessionCookie.NAME)));
        String submitted = formValue(((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CsrfTokens.FIELD, true, false));
        if (expected == null || submitted == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8))) {
            return ConsoleErrors.page(403, "Forbidden", "This form did not come from a current Vigil page (its security"
                    + " token is missing or wrong). Reload the page and submit it again.");
        }
        return null;
    }

    private static String value(Cookie cookie) {
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    private static String formValue(Object value) {
        if (value instanceof Collection<?> many) {
            return many.size() == 1 ? formValue(many.iterator().next()) : null;
        }
        if (value instanceof FormValue form) {
            return form.isFileItem() ? null : form.getValue();
        }
        return value instanceof String s ? s : null;
    }
}
