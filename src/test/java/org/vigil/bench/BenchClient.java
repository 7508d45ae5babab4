package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The API as a client uses it: bearer keys, JSON in and out, a failed call stops the benchmark with its answer. */
final class BenchClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    BenchClient(String base) {
        this.base = base;
    }

    record Tenant(String id, String key) {
    }

    Tenant createHospital(String name) {
        JsonNode created = send(BenchSettings.OPERATOR_KEY, "POST", "/api/v1/hospitals", "application/json",
                json(Map.of("name", name, "contactEmail", "biomed@example.org")), 201);
        return new Tenant(created.get("id").asText(), created.get("apiKey").asText());
    }

    JsonNode get(String key, String path) {
        return send(key, "GET", path, null, null, 200);
    }

    JsonNode post(String key, String path, String contentType, String body, int expected) {
        return send(key, "POST", path, contentType, body, expected);
    }

    /** Status only, for checks such as "a revoked key answers 401". */
    int status(String key, String method, String path) {
        return exchange(key, method, path, null, null).statusCode();
    }

    /** Starts a source run (operator) and waits for it to finish; returns the finished run. */
    JsonNode run(String source, Duration atMost) {
        String id = post(BenchSettings.OPERATOR_KEY, "/api/v1/sources/" + source + "/runs", null, null, 202)
                .get("id").asText();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = get(BenchSettings.OPERATOR_KEY, "/api/v1/sources/" + source + "/runs/" + id);
            String status = run.get("status").asText();
            if (!status.equals("RUNNING") && !status.equals("QUEUED")) {
                return run;
            }
            Bench.pause(50);
        }
        throw new IllegalStateException(source + " run " + id + " did not finish within " + atMost);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(String key, String method, String path, String contentType, String body, int expected) {
        HttpResponse<String> response = exchange(key, method, path, contentType, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> exchange(String key, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
