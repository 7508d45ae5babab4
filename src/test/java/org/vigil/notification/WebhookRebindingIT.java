package org.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.support.CsafMirror;
import org.vigil.support.VigilClient;
import org.vigil.support.VigilProcess;
import org.vigil.support.VigilProcess.Refusal;

/**
 * The packaged service against real name resolution: its JVM reads host names from a hosts file this test
 * rewrites ({@code jdk.net.hosts.file}, no caching), which is what a DNS rebinding attacker does with a short TTL.
 * Also: a malformed webhook secret key stops the service at startup.
 */
class WebhookRebindingIT {

    private static final String NAME = "hooks.rebind.test";

    @TempDir
    Path tmp;

    private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private VigilProcess vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.kill();
        }
        receiver.stop();
    }

    private void resolve(Path hosts, String address) throws IOException {
        Files.writeString(hosts, address + " " + NAME + "\n127.0.0.1 localhost\n");
    }

    @Test
    void aNamePublicAtCreationAndPrivateAtDeliveryIsRefusedAtDelivery() throws IOException {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        Path hosts = tmp.resolve("hosts");
        // 203.0.113.10 (TEST-NET-3) stands for a public address; nothing ever connects to it.
        resolve(hosts, "203.0.113.10");
        Map<String, String> env = VigilProcess.baseEnv();
        env.put("VIGIL_DB_URL", VigilProcess.h2Url(tmp));
        env.put("VIGIL_SOURCES_CISA_CSAF_DIRECTORY_URL",
                CsafMirror.write(tmp.resolve("csaf"), List.of("ICSMA-99-801-01")).toUri().toString());
        env.put("VIGIL_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("VIGIL_NOTIFICATION_DISPATCH_EVERY", "1s");
        vigil = VigilProcess.start("rebind", tmp, env,
                List.of("-Djdk.net.hosts.file=" + hosts, "-Dsun.net.inetaddr.ttl=0", "-Dsun.net.inetaddr.negative.ttl=0"));
        VigilClient api = new VigilClient(vigil.port());
        String key = api.newHospitalKey();
        String url = "http://" + NAME + ":" + receiver.port() + "/hook";
        api.subscribeWebhook(key, url);

        resolve(hosts, "127.0.0.1");
        // The service sees the new answer (no cache): the same URL is refused now, without naming the address.
        api.as(key).contentType(ContentType.JSON).body(Map.of("channel", "WEBHOOK", "url", url))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors[0].message", containsString("resolves to a private address"))
                .body(not(containsString("127.0.0.1")));

        api.addDevice(key, "Beta Health", "Monitor", "1.0");
        api.runCsafAndWait();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD".equals(api.deliveries(key).get(0).get("status")));
        api.as(key).get("/api/v1/deliveries").then().body("items[0].attempts", equalTo(1))
                .body("items[0].lastError", containsString("'" + NAME + "' resolves to a private address"))
                .body(not(containsString("127.0.0.1")));
        assertEquals(0, receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size(), "nothing reached loopback");
    }

    @Test
    void aMalformedSecretKeyStopsTheServiceAtStartup() {
        Map<String, String> env = VigilProcess.baseEnv();
        env.put("VIGIL_DB_URL", VigilProcess.h2Url(tmp));
        String key = "not-a-base64-key!";
        env.put("VIGIL_NOTIFICATION_SECRET_KEY", key);
        Refusal refusal = VigilProcess.expectRefusal("bad-key", tmp, env);
        org.junit.jupiter.api.Assertions.assertNotEquals(0, refusal.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(refusal.log().contains(
                "vigil.notification.secret-key must be 32 random bytes, base64-encoded"), refusal.log());
        org.junit.jupiter.api.Assertions.assertFalse(refusal.log().contains(key), "the key is never logged");
    }
}
