package org.vigil.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.support.VigilProcess;
import org.vigil.support.VigilProcess.Refusal;

/**
 * The operator key across restarts of the packaged service, configured only through the environment as an operator
 * does: the key generated at first start stops working once {@code VIGIL_ADMIN_API_KEY} is set, and a short or
 * documented placeholder key stops Vigil with one line before any job ran.
 */
class OperatorKeyIT {

    private static final Pattern GENERATED = Pattern.compile("vgl_[A-Za-z0-9_-]{43}");
    private static final String CHOSEN = "k7Qm2vX9pL4tR8wZ1nB6cY3hJ5sD0fGa";

    @TempDir
    Path tmp;

    private VigilProcess vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.kill();
        }
    }

    @Test
    void theGeneratedKeyStopsWorkingOnceVigilAdminApiKeyIsSet() throws Exception {
        Map<String, String> env = VigilProcess.baseEnv();
        env.remove("VIGIL_ADMIN_API_KEY");
        env.put("VIGIL_DB_URL", VigilProcess.h2Url(tmp));
        vigil = VigilProcess.start("first", tmp, env);
        String firstLog = Files.readString(tmp.resolve("first-1.log"));
        Matcher m = GENERATED.matcher(firstLog);
        assertTrue(m.find(), "the first start prints a generated key:\n" + vigil.logTail());
        String generated = m.group();
        assertEquals(200, hospitals(vigil, generated));
        vigil.kill();

        env.put("VIGIL_ADMIN_API_KEY", CHOSEN);
        vigil = VigilProcess.start("second", tmp, env);
        assertEquals(401, hospitals(vigil, generated), "the generated key is revoked by the configured one");
        assertEquals(200, hospitals(vigil, CHOSEN));
        vigil.kill();

        env.put("VIGIL_ADMIN_API_KEY", CHOSEN.toUpperCase());
        vigil = VigilProcess.start("third", tmp, env);
        assertEquals(401, hospitals(vigil, CHOSEN), "changing the key revokes the previous value");
        assertEquals(401, hospitals(vigil, generated));
        assertEquals(200, hospitals(vigil, CHOSEN.toUpperCase()));

        assertFalse(firstLog.contains("newer than the version Flyway has been verified with"), "no Flyway H2 warning");
        assertFalse(firstLog.contains(" ERROR "), "a clean first start logs no ERROR:\n" + firstLog);
        assertFalse(firstLog.contains("already been registered"), "no Micrometer duplicate-gauge warning");
    }

    @Test
    void aShortOrPlaceholderKeyStopsVigilWithOneLineBeforeAnyJobRuns() throws IOException {
        Map<String, String> env = VigilProcess.baseEnv();
        env.put("VIGIL_DB_URL", VigilProcess.h2Url(tmp));
        // The dispatcher is due at once, so a job that ran while Vigil stopped would show in the log.
        env.put("VIGIL_NOTIFICATION_DISPATCH_EVERY", "1s");
        env.put("VIGIL_ADMIN_API_KEY", "too-short-key");
        assertRefusedCleanly(VigilProcess.expectRefusal("short", tmp, env), "VIGIL_ADMIN_API_KEY must be at least 24 "
                + "characters (it has 13); generate one with: openssl rand -base64 32", "too-short-key");

        env.put("VIGIL_ADMIN_API_KEY", "change-me-to-a-long-random-value-0000");
        assertRefusedCleanly(VigilProcess.expectRefusal("placeholder", tmp, env), "VIGIL_ADMIN_API_KEY is a placeholder "
                + "from the documentation or deploy files", "change-me-to-a-long-random-value-0000");
    }

    private static void assertRefusedCleanly(Refusal refusal, String reason, String key) {
        assertNotEquals(0, refusal.exitCode());
        assertTrue(refusal.log().contains(reason), refusal.log());
        assertEquals(1, refusal.log().lines().filter(l -> l.contains(" ERROR ")).count(),
                "one ERROR line, the reason:\n" + refusal.log());
        assertFalse(refusal.log().contains("\tat "), "no stack trace:\n" + refusal.log());
        assertFalse(refusal.log().contains("EntityManager"), "no job ran into the closing database:\n" + refusal.log());
        assertFalse(refusal.log().contains(key), "the refused key is never logged");
    }

    private static int hospitals(VigilProcess vigil, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + vigil.port() + "/api/v1/hospitals"))
                .header("Authorization", "Bearer " + key).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
