package org.vigil.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.console.session.LoginThrottle;
import org.vigil.support.Api;

/** Sign-in, the session cookie, CSRF, sign-out and revocation, over plain HTTP as a browser sends it. */
@QuarkusTest
class ConsoleSessionTest {

    @Inject
    LoginThrottle throttle;

    /** Every test signs in from 127.0.0.1; the throttle test must not slow the others down. */
    @BeforeEach
    @AfterEach
    void forgetFailures() {
        throttle.succeeded("127.0.0.1");
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieAndOpensTheConsole() {
        Api.Tenant t = Api.newHospital("Console session");
        ConsoleForms browser = new ConsoleForms();
        Response login = browser.post("/ui/login", "/ui/login", Map.of("apiKey", t.key()));
        assertEquals(303, login.statusCode());
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("vigil_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.startsWith("vigil_session="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/ui"),
                setCookie);
        assertTrue(!setCookie.contains("Secure"), "plain http: no Secure flag, or the browser would drop it");
        browser.cookies.put("vigil_session", setCookie.substring("vigil_session=".length(), setCookie.indexOf(';')));
        browser.get("/ui/findings").then().statusCode(200).body(containsString("Findings"))
                .body(containsString("Sign out"));
    }

    @Test
    void wrongKeyGetsThePlainMessageAndNoSession() {
        ConsoleForms browser = new ConsoleForms();
        Response r = browser.post("/ui/login", "/ui/login", Map.of("apiKey", "vgl_not-a-key"));
        assertEquals(401, r.statusCode());
        assertTrue(r.asString().contains("That key was not accepted."));
        assertTrue(r.getHeaders().getValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("vigil_session")));
        browser.get("/ui/findings").then().statusCode(303).header("Location", containsString("/ui/login?next=%2Fui%2Ffindings"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsForbidden() {
        Api.Tenant t = Api.newHospital("Console csrf");
        ConsoleForms browser = new ConsoleForms().signIn(t.key());
        browser.get("/ui/subscriptions").then().statusCode(200);
        Response r = browser.postRaw("/ui/subscriptions", Map.of("channel", "EMAIL", "emails", "a@example.org"));
        assertEquals(403, r.statusCode());
        assertTrue(r.asString().contains("security token"), r.asString());
        t.call().get("/api/v1/subscriptions").then().body("total", org.hamcrest.Matchers.equalTo(0));
        Response wrong = browser.postRaw("/ui/subscriptions", Map.of("channel", "EMAIL", "emails", "a@example.org",
                "csrf-token", "forged"));
        assertEquals(403, wrong.statusCode());
    }

    @Test
    void signOutEndsTheSessionAndRevokingTheKeyEndsAllOfIt() {
        Api.Tenant t = Api.newHospital("Console revoke");
        ConsoleForms first = new ConsoleForms().signIn(t.key());
        ConsoleForms second = new ConsoleForms().signIn(t.key());
        first.get("/ui/devices").then().statusCode(200);
        Response out = first.post("/ui/devices", "/ui/logout", Map.of());
        assertEquals(303, out.statusCode());
        assertTrue(out.getHeader("Location").endsWith("/ui/login"));
        first.get("/ui/devices").then().statusCode(303);

        second.get("/ui/devices").then().statusCode(200);
        String keyId = Api.asOperator().get("/api/v1/hospitals/" + t.id() + "/api-keys").then().statusCode(200)
                .extract().path("items[0].id");
        Api.asOperator().delete("/api/v1/hospitals/" + t.id() + "/api-keys/" + keyId).then().statusCode(204);
        second.get("/ui/devices").then().statusCode(303).header("Location", containsString("/ui/login"));
    }

    @Test
    void repeatedFailuresFromOneAddressAreSlowedDown() {
        ConsoleForms browser = new ConsoleForms();
        String token = ConsoleForms.token(browser.get("/ui/login").asString());
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = browser.postRaw("/ui/login", Map.of("apiKey", "vgl_guess-" + i, "csrf-token", token)).statusCode();
        }
        assertEquals(429, status, "after repeated failures the address must wait");
        Response r = browser.postRaw("/ui/login", Map.of("apiKey", Api.OPERATOR_KEY, "csrf-token", token));
        assertEquals(429, r.statusCode(), "even the right key waits until the delay has passed");
        assertTrue(r.getHeader("Retry-After") != null);
        r.then().body(not(containsString(Api.OPERATOR_KEY)));
    }
}
