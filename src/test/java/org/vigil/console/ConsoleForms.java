package org.vigil.console;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console user without a browser: keeps the cookies a browser would keep and reads the CSRF token from the
 * page's hidden field, as a form submission carries it.
 */
final class ConsoleForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new HashMap<>();

    Response get(String path) {
        Response r = given().cookies(cookies).redirects().follow(false).get(path);
        cookies.putAll(r.getCookies());
        return r;
    }

    /** Posts the form fields with the token of the page at {@code formPage}. */
    Response post(String formPage, String action, Map<String, String> fields) {
        String token = token(get(formPage).asString());
        Map<String, String> all = new HashMap<>(fields);
        all.put("csrf-token", token);
        return postRaw(action, all);
    }

    Response postRaw(String action, Map<String, String> fields) {
        Response r = given().cookies(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(fields).post(action);
        r.getCookies().forEach((k, v) -> {
            if (v.isEmpty()) {
                cookies.remove(k);
            } else {
                cookies.put(k, v);
            }
        });
        return r;
    }

    ConsoleForms signIn(String key) {
        Response r = post("/ui/login", "/ui/login", Map.of("apiKey", key));
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + r.statusCode());
        }
        return this;
    }

    static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }
}
