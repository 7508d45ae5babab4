package org.vigil.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.vigil.support.CsafMirror;

/**
 * A CSAF provider directory (changes.csv, index.txt, documents with .sha512) served over HTTP by WireMock, to
 * which a test publishes advisories while the instances run. Documents can be served slowly, so that a run is
 * still in progress when the test kills the instance running it.
 */
final class CsafFeed implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private final List<String> changes = new ArrayList<>();
    private final List<String> index = new ArrayList<>();
    private Instant released = Instant.parse("2099-01-01T06:00:00Z");

    CsafFeed() {
        server.start();
        publishListing();
    }

    String directoryUrl() {
        return server.baseUrl() + "/csaf/";
    }

    /** Publishes one advisory per id for {@code vendor}'s Monitor, each answered after {@code delayMillis}. */
    void publish(String vendor, List<String> ids, int delayMillis) {
        for (String id : ids) {
            released = released.plus(1, ChronoUnit.HOURS);
            String file = id.toLowerCase() + ".json";
            String path = "2099/" + file;
            byte[] body = CsafMirror.document(id, released.toString().replace("Z", ".000000Z"), vendor);
            server.stubFor(get(urlEqualTo("/csaf/" + path))
                    .willReturn(aResponse().withBody(body).withFixedDelay(delayMillis)));
            server.stubFor(get(urlEqualTo("/csaf/" + path + ".sha512"))
                    .willReturn(aResponse().withBody(CsafMirror.sha512(body) + "  " + file)));
            changes.add(0, "\"" + path + "\",\"" + released.toString().replace("Z", ".000000Z") + "\"");
            index.add(path);
        }
        publishListing();
    }

    private void publishListing() {
        server.stubFor(get(urlEqualTo("/csaf/changes.csv")).willReturn(aResponse()
                .withBody(String.join("\n", changes) + "\n").withHeader("Content-Type", "text/csv")));
        server.stubFor(get(urlEqualTo("/csaf/index.txt")).willReturn(aResponse()
                .withBody((String.join("\n", index) + "\n").getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void close() {
        server.stop();
    }
}
