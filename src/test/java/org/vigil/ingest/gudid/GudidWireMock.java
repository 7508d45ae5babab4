package org.vigil.ingest.gudid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * AccessGUDID on WireMock: {@code /api/v3/devices/lookup.json?di=} answers the fixtures in src/test/resources/gudid
 * (written in the shape of AccessGUDID's lookup answers), 404 for other DIs. Enrichment on, a pass every second.
 */
public class GudidWireMock implements QuarkusTestResourceLifecycleManager {

    static final String LOOKUP = "/api/v3/devices/lookup.json";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo(LOOKUP)).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Device not found\"}")));
        for (String di : new String[] {"00884838101180", "00844505000772"}) {
            stubFound(di);
        }
        return Map.of("vigil.gudid.enabled", "true", "vigil.gudid.base-url", server.baseUrl(),
                "vigil.gudid.every", "1s", "vigil.gudid.retry-backoff", "1s", "vigil.gudid.requests-per-second", "50");
    }

    static void stubFound(String di) {
        server.stubFor(get(urlPathEqualTo(LOOKUP)).withQueryParam("di", equalTo(di)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(fixture(di))));
    }

    static String fixture(String di) {
        try (InputStream in = GudidWireMock.class.getResourceAsStream("/gudid/lookup-" + di + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
