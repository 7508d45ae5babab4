package org.vigil.console.session;

import java.security.SecureRandom;
import java.util.Base64;
import org.vigil.digest.Sha256;

/**
 * CSRF tokens of console forms. Signed in, the token is derived from the session's secret cookie value, so only
 * a page served to that browser can carry it (synchronizer token without server state, valid on every instance).
 * On the sign-in form there is no session yet: a random value in a short-lived cookie must come back in the form.
 */
public final class CsrfTokens {

    /** The hidden form field every state-changing console form carries. */
    public static final String FIELD = "csrf-token";
    /** The sign-in form's cookie, scoped to /ui/login. */
    public static final String LOGIN_COOKIE = "vigil_login";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The token of the session behind this session cookie value; null without a session. */
    public static String forSession(String sessionToken) {
        return sessionToken == null || sessionToken.isEmpty() ? null : Sha256.hex("csrf|" + sessionToken);
    }

    public static String newLoginToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
