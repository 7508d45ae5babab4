package org.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.support.CsafMirror;
import org.vigil.support.VigilClient;
import org.vigil.support.VigilProcess;

/**
 * Issue 6, for real: the packaged service is SIGKILLed while a webhook request is in flight, restarted on the
 * same H2 file database, and must deliver every notification. Guaranteed: no delivery is lost, every row ends
 * DELIVERED once, and the one request in flight at the kill is sent again under the same {@code webhook-id}
 * (the receiver saw it, Vigil never learnt the answer) — receivers dedupe on it. Nothing else is sent twice.
 *
 * <p>Run: {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs=false
 * -Dit.test=DeliveryCrashIT} (also in .ci/run); -DskipTests would skip Failsafe too.
 */
class DeliveryCrashIT {

    private static final int ADVISORIES = 5;
    /** The receiver answers this late, so a request is in flight for most of the test. */
    private static final int RECEIVER_DELAY_MS = 1500;

    @TempDir
    Path tmp;

    private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private VigilProcess vigil;

    @BeforeEach
    void start() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook"))
                .willReturn(aResponse().withStatus(204).withFixedDelay(RECEIVER_DELAY_MS)));
    }

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.kill();
        }
        receiver.stop();
    }

    @Test
    void killedWhileDeliveringThenRestartedLosesNothingAndResendsOnlyTheInFlightRequestUnderItsId() throws IOException {
        List<String> advisoryIds = IntStream.rangeClosed(1, ADVISORIES)
                .mapToObj(i -> String.format("ICSMA-99-3%02d-01", i)).toList();
        Path mirror = CsafMirror.write(tmp.resolve("csaf"), advisoryIds);
        Map<String, String> env = VigilProcess.baseEnv();
        env.put("VIGIL_DB_URL", VigilProcess.h2Url(tmp));
        env.put("VIGIL_SOURCES_CISA_CSAF_DIRECTORY_URL", mirror.toUri().toString());
        env.put("VIGIL_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        env.put("VIGIL_WEBHOOKS_ALLOW_HTTP", "true");
        // A pass every second; a dead instance's claims expire 5 s after they were taken.
        env.put("VIGIL_NOTIFICATION_DISPATCH_EVERY", "1s");
        env.put("VIGIL_NOTIFICATION_LEASE", "5S");
        env.put("VIGIL_NOTIFICATION_BACKOFF_INITIAL", "1S");
        env.put("VIGIL_NOTIFICATION_WEBHOOK_TIMEOUT", "10S");
        // One request at a time to the receiver, so exactly one is in flight at the kill (FaultInjectionIT kills
        // with several in flight, as the default of 4 per target sends them).
        env.put("VIGIL_NOTIFICATION_MAX_CONCURRENT_PER_HOST", "1");
        vigil = VigilProcess.start("vigil", tmp, env);
        VigilClient api = new VigilClient(vigil.port());

        String hospitalKey = api.newHospitalKey();
        api.subscribeWebhook(hospitalKey, receiver.baseUrl() + "/hook");
        api.addDevice(hospitalKey, "Beta Health", "Monitor", "1.0");
        api.runCsafAndWait();
        assertEquals(ADVISORIES, api.deliveries(hospitalKey).size(), "one webhook delivery per matched advisory");

        // Kill the moment the receiver holds the second request and has not answered it yet.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> hooks().size() >= 2);
        vigil.kill();
        List<LoggedRequest> beforeKill = hooks();
        assertEquals(2, beforeKill.size(), "requests the receiver got before the kill");
        String inFlight = beforeKill.get(1).getHeader("webhook-id");

        vigil = vigil.restart();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(Collections.nCopies(ADVISORIES, "DELIVERED"), statuses(api.deliveries(hospitalKey))));

        List<LoggedRequest> seen = hooks();
        Map<String, Long> perId = seen.stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("webhook-id"), TreeMap::new, Collectors.counting()));
        Set<String> rowIds = api.deliveries(hospitalKey).stream().map(d -> (String) d.get("webhookId"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rowIds, perId.keySet(), "every delivery reached the receiver, and nothing else did");
        assertEquals(new TreeSet<>(advisoryIds), seen.stream().map(DeliveryCrashIT::advisoryOf)
                .collect(Collectors.toCollection(TreeSet::new)), "every matched advisory was notified");
        Map<String, Long> expected = new TreeMap<>();
        rowIds.forEach(id -> expected.put(id, id.equals(inFlight) ? 2L : 1L));
        assertEquals(expected, perId, "only the request in flight at the kill was sent again, under its webhook-id");
        assertEquals(1, seen.stream().filter(r -> r.getHeader("webhook-id").equals(inFlight))
                .map(r -> advisoryOf(r)).distinct().count(), "both copies carry the same event");
    }

    private static List<Object> statuses(List<Map<String, Object>> deliveries) {
        return deliveries.stream().map(d -> d.get("status")).toList();
    }

    private List<LoggedRequest> hooks() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
    }

    static String advisoryOf(LoggedRequest r) {
        return JsonPath.from(r.getBodyAsString()).getString("events[0].advisory.id");
    }
}
