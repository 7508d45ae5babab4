package org.vigil.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.vigil.redaction.Redactor;

/**
 * Downloads for every source: http(s) with timeouts, conditional GET, a size limit and retries with
 * exponential backoff and jitter for transient failures (network errors, 5xx, 429 with Retry-After); and
 * {@code file:} URLs for offline mirrors, as air-gapped hospital networks need.
 */
@ApplicationScoped
public class HttpFetcher {

    private static final Logger LOG = Logger.getLogger(HttpFetcher.class);
    private static final int MAX_REDIRECTS = 5;

    private final IngestConfig config;
    private final HttpClient client;

    public HttpFetcher(IngestConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Redirects are followed here, one by one, so each target is checked (FeedUrls) before it is fetched.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public FetchResult get(String url) throws FetchException {
        return get(url, null, null, Map.of());
    }

    /**
     * GETs a URL. {@code etag} / {@code lastModified} (may be null) make it conditional: an unchanged resource
     * answers 304 with no body. Non-2xx answers other than transient ones are returned, not thrown, so that a
     * source can treat e.g. openFDA's 404 "No matches found" as an empty result.
     */
    public FetchResult get(String url, String etag, String lastModified, Map<String, String> headers)
            throws FetchException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FetchException("invalid URL: " + Redactor.redact(url), 0);
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return readFile(uri);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new FetchException("unsupported URL scheme: " + uri.getScheme(), 0);
        }
        for (int hop = 0; ; hop++) {
            FetchResult r = getHttp(uri, etag, lastModified, headers);
            String location = r.status() >= 300 && r.status() < 400 && r.status() != 304 ? r.header("Location") : null;
            if (location == null) {
                return r;
            }
            if (hop >= MAX_REDIRECTS) {
                throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + redact(uri), r.status());
            }
            URI next = FeedUrls.check(uri.toString(), resolve(uri, location), "redirect from " + redact(uri) + " to");
            if (!FeedUrls.sameOrigin(uri.toString(), next.toString())) {
                // A credential in the query (openFDA api_key) belongs to the origin it was configured for.
                next = URI.create(next.toString().replaceAll("(?i)([?&])api_key=[^&#]*&?", "$1").replaceAll("[?&]$", ""));
            }
            uri = next;
        }
    }

    private static String resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(location.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new FetchException("redirect from " + redact(base) + " to an invalid URL", 0);
        }
    }

    private FetchResult getHttp(URI uri, String etag, String lastModified, Map<String, String> headers)
            throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(config.requestTimeout())
                .header("User-Agent", "Vigil/1 (medical device advisory monitor)");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        headers.forEach(request::header);

        int attempts = Math.max(1, config.attempts());
        FetchException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait;
            try {
                HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    response.body().close();
                    last = new FetchException("HTTP " + status + " from " + redact(uri), status);
                    wait = retryAfter(response.headers()).orElse(backoff(attempt));
                    if (wait.compareTo(config.maxRetryAfter()) > 0) {
                        throw new FetchException("HTTP " + status + " from " + redact(uri) + "; Retry-After "
                                + wait.toSeconds() + "s is longer than this run waits", status);
                    }
                } else {
                    byte[] body = readLimited(response.body(), uri);
                    return new FetchResult(status, body, response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null), response.headers());
                }
            } catch (IOException e) {
                last = new FetchException(Failures.describe(e) + " fetching " + redact(uri), e);
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted fetching " + redact(uri), e);
            }
            if (attempt < attempts) {
                LOG.debugf("Retrying %s in %d ms (attempt %d of %d): %s", redact(uri), wait.toMillis(), attempt + 1,
                        attempts, last.getMessage());
                sleep(wait);
            }
        }
        throw last;
    }

    private byte[] readLimited(InputStream in, URI uri) throws IOException, FetchException {
        long limit = config.maxDownloadSize().asLongValue();
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new FetchException(redact(uri) + " is larger than the download limit of " + limit + " bytes", 0);
            }
            return bytes;
        }
    }

    private FetchResult readFile(URI uri) throws FetchException {
        try {
            Path path = Path.of(uri);
            if (!Files.isRegularFile(path)) {
                return new FetchResult(404, new byte[0], null, null, null);
            }
            if (Files.size(path) > config.maxDownloadSize().asLongValue()) {
                throw new FetchException(redact(uri) + " is larger than the download limit", 0);
            }
            String modified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Files.getLastModifiedTime(path).toInstant().atZone(java.time.ZoneOffset.UTC));
            return new FetchResult(200, Files.readAllBytes(path), null, modified,
                    HttpHeaders.of(Map.of("Last-Modified", List.of(modified)), (a, b) -> true));
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchException("cannot read " + redact(uri) + ": " + Failures.describe(e), 0);
        }
    }

    private java.util.Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").map(String::trim).flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(), at);
                    return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (RuntimeException ignored) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private Duration backoff(int attempt) {
        long base = config.retryBackoff().toMillis() * (1L << Math.min(10, attempt - 1));
        long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(base / 2 + jitter);
    }

    private static void sleep(Duration d) throws FetchException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting to retry", e);
        }
    }

    /** URLs may carry an api_key query parameter (openFDA): never log or report it. */
    static String redact(URI uri) {
        return Redactor.redact(uri.toString());
    }
}
