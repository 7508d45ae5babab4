package org.vigil.ingest.fda.recall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.ingest.FeedUrls;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.FetchResult;
import org.vigil.ingest.HttpFetcher;
import org.vigil.redaction.Redactor;

/** openFDA search requests and their envelope: {@code meta.results.total}, {@code results[]}, the Link header. */
@ApplicationScoped
class OpenFdaClient {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern API_KEY = Pattern.compile("([?&])api_key=[^&]*&?");

    private final HttpFetcher fetcher;
    private final FdaRecallConfig config;
    private final ObjectMapper json = new ObjectMapper();

    OpenFdaClient(HttpFetcher fetcher, FdaRecallConfig config) {
        this.fetcher = fetcher;
        this.config = config;
    }

    /** One page; {@code nextLink} is the Link rel="next" URL without api_key, or null. */
    record Page(List<JsonNode> results, long total, int skip, String nextLink) {
    }

    /** The first page of a date window (skip 0). */
    String firstPage(Endpoint endpoint, LocalDate from, LocalDate to) {
        return pageUrl(endpoint, from, to, 0);
    }

    String pageUrl(Endpoint endpoint, LocalDate from, LocalDate to, int skip) {
        // Brackets and quotes are not legal in a URI query; openFDA accepts them percent-encoded.
        String search = endpoint.search(from, to).replace("[", "%5B").replace("]", "%5D");
        return config.baseUrl().replaceAll("/+$", "") + endpoint.path() + "?search=" + search + "&sort="
                + endpoint.sort() + "&limit=" + config.pageSize() + "&skip=" + skip;
    }

    /**
     * Fetches a page. openFDA answers a search without hits with 404 and {"error":{"code":"NOT_FOUND"}}: that is
     * an empty page. Other client errors are thrown with openFDA's own message.
     */
    Page fetch(String url) throws FetchException {
        // The key belongs to the configured openFDA origin only, never to a host a Link header names.
        String withKey = config.apiKey().filter(k -> !k.isBlank()).filter(k -> FeedUrls.sameOrigin(url, config.baseUrl()))
                .map(k -> url + (url.contains("?") ? "&" : "?") + "api_key=" + k).orElse(url);
        FetchResult r = fetcher.get(withKey, null, null, Map.of("Accept", "application/json"));
        if (r.status() == 404 && r.text().contains("NOT_FOUND")) {
            return new Page(List.of(), 0, 0, null);
        }
        if (!r.ok()) {
            throw new FetchException("openFDA answered HTTP " + r.status() + ": " + errorMessage(r.text()), r.status());
        }
        JsonNode root;
        try {
            root = json.readTree(r.body());
        } catch (IOException e) {
            var at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
            throw new FetchException("openFDA answer is not JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")"), 0);
        }
        JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray()) {
            throw new FetchException("openFDA answer has no results array", 0);
        }
        List<JsonNode> list = new ArrayList<>(results.size());
        results.forEach(list::add);
        JsonNode meta = root.path("meta").path("results");
        return new Page(list, meta.path("total").asLong(list.size()), meta.path("skip").asInt(0),
                nextLink(r.header("Link"), url, config.baseUrl()));
    }

    /**
     * The Link rel="next" URL without api_key (it echoes ours: keep it out of the stored cursor), or null. A link
     * that is not a URL, or leaves the scheme and host family of {@code baseUrl}, fails the window.
     */
    static String nextLink(String header, String requestUrl, String baseUrl) throws FetchException {
        if (header == null) {
            return null;
        }
        Matcher m = NEXT.matcher(header);
        if (!m.find()) {
            return null;
        }
        String link;
        try {
            link = URI.create(requestUrl).resolve(m.group(1).strip().replace("[", "%5B").replace("]", "%5D")).toString();
        } catch (IllegalArgumentException e) {
            throw new FetchException("openFDA Link header " + Redactor.redact(m.group(1)) + " is not a valid URL", 0);
        }
        FeedUrls.check(baseUrl, link, "openFDA Link header");
        return API_KEY.matcher(link).replaceAll("$1").replaceAll("[?&]$", "");
    }

    private String errorMessage(String body) {
        try {
            String message = json.readTree(body).path("error").path("message").asText("");
            return message.isEmpty() ? "(no message)" : message.substring(0, Math.min(200, message.length()));
        } catch (IOException | RuntimeException e) {
            return "(no message)";
        }
    }
}
