package org.vigil.ingest.gudid;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.FetchResult;
import org.vigil.ingest.HttpFetcher;

/**
 * AccessGUDID device lookup by DI. Transient failures (network, 5xx, 429) are retried by {@link HttpFetcher}; a 404
 * is "no such DI"; requests are spaced to {@code vigil.gudid.requests-per-second}.
 */
@ApplicationScoped
class GudidClient {

    /** An answer: found with the raw JSON and what Vigil reads of it, or not found. */
    record Answer(boolean found, String json, GudidDevice device) {
    }

    private final HttpFetcher http;
    private final GudidConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private long lastRequest;

    GudidClient(HttpFetcher http, GudidConfig config) {
        this.http = http;
        this.config = config;
    }

    Answer lookup(String di) throws FetchException {
        pace();
        String base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
        String url = base.startsWith("file:") ? base + di + ".json"
                : base + "api/v3/devices/lookup.json?di=" + URLEncoder.encode(di, StandardCharsets.UTF_8);
        FetchResult r = http.get(url, null, null, Map.of("Accept", "application/json"));
        // AccessGUDID answers 404 for a DI it does not know; a file mirror without the file is the same.
        if (r.status() == 404) {
            return new Answer(false, null, null);
        }
        if (!r.ok()) {
            throw new FetchException("AccessGUDID answered HTTP " + r.status() + " for DI " + di, r.status());
        }
        try {
            return new Answer(true, r.text(), GudidDevice.of(json.readTree(r.body())));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new FetchException("AccessGUDID answer for DI " + di + " is not a device lookup: " + e.getMessage(),
                    r.status());
        }
    }

    /** Spaces requests evenly; one run at a time calls this (the source lease), so no lock is needed beyond it. */
    private synchronized void pace() {
        long gap = (long) (1000 / Math.max(0.01, config.requestsPerSecond()));
        long wait = lastRequest + gap - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRequest = System.currentTimeMillis();
    }
}
