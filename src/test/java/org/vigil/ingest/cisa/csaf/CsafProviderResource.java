package org.vigil.ingest.cisa.csaf;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A WireMock CSAF provider (and KEV feed) on a dynamic port; the test publishes documents through {@link TestProvider}. */
public class CsafProviderResource implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = server.baseUrl();
        return Map.of(
                "vigil.sources.cisa-csaf.provider-metadata-url", base + "/.well-known/csaf/provider-metadata.json",
                "vigil.sources.cisa-csaf.id-prefixes", "ICSMA,RHSA",
                "vigil.sources.cisa-kev.url", base + "/kev/known_exploited_vulnerabilities.json",
                "vigil.ingest.retry-backoff", "10ms",
                "vigil.ingest.attempts", "2");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
