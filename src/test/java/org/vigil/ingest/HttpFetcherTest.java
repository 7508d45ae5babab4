package org.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.runtime.configuration.MemorySize;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fetcher's own messages: they end up in run records and the API, so they must never carry a credential. */
class HttpFetcherTest {

    private static final String KEY = "fda-key-0a1b2c3d4e5f";

    private final HttpFetcher fetcher = new HttpFetcher(new IngestConfig() {
        public MemorySize maxDownloadSize() {
            return new MemorySize(java.math.BigInteger.valueOf(1 << 20));
        }

        public Duration connectTimeout() {
            return Duration.ofSeconds(2);
        }

        public Duration requestTimeout() {
            return Duration.ofSeconds(2);
        }

        public int attempts() {
            return 1;
        }

        public Duration retryBackoff() {
            return Duration.ofMillis(1);
        }

        public Duration maxRetryAfter() {
            return Duration.ofSeconds(1);
        }

        public Duration leaseDuration() {
            return Duration.ofMinutes(1);
        }
    });

    @Test
    void redirectsAreFollowedOnlyWithinTheFamilyOfTheRequestedUrlAndDropTheKeyAcrossHosts() throws Exception {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wm.start();
        try {
            String other = "http://127.0.0.1:" + wm.port();
            wm.stubFor(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(301)
                    .withHeader("Location", other + "/here?search=x&api_key=" + KEY)));
            wm.stubFor(get(urlPathEqualTo("/here")).willReturn(aResponse().withStatus(200).withBody("ok")));
            wm.stubFor(get(urlPathEqualTo("/to-file")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "file:///etc/hostname")));

            FetchResult moved = fetcher.get("http://localhost:" + wm.port() + "/moved?search=x&api_key=" + KEY);
            assertEquals("ok", moved.text());
            wm.verify(getRequestedFor(urlPathEqualTo("/here")).withQueryParam("search", equalTo("x"))
                    .withQueryParam("api_key", absent()));

            FetchException file = assertThrows(FetchException.class,
                    () -> fetcher.get("http://localhost:" + wm.port() + "/to-file"));
            assertEquals("redirect from http://localhost:" + wm.port() + "/to-file to file:///etc/hostname refused: "
                    + "the source is http: and links may not lead to file:", file.getMessage());
        } finally {
            wm.stop();
        }
    }

    @Test
    void anInvalidUrlIsReportedWithoutItsApiKey() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.get("https://api.fda.gov /device/recall.json?search=x&api_key=" + KEY));
        assertEquals("invalid URL: https://api.fda.gov /device/recall.json?search=x&api_key=***", e.getMessage());
    }

    @Test
    void aRefusedConnectionIsReportedInWordsWithoutClassNamesOrTheKey() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.get("http://127.0.0.1:" + closed + "/device/recall.json?api_key=" + KEY));
        assertTrue(e.getMessage().startsWith("connection refused fetching http://127.0.0.1:" + closed
                + "/device/recall.json?api_key=***"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
