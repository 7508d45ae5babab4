package org.vigil.ingest.cisa.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The list of documents a provider publishes: from a directory's {@code changes.csv} and {@code index.txt}, or
 * from a ROLIE feed. Pure parsing; keys are paths relative to the TLP directory ({@code 2025/icsma-25-030-01.json}).
 */
final class CsafListing {

    /** One published document. {@code timestamp} is null when only an index lists it. */
    record Entry(String key, String url, Instant timestamp) {
    }

    private CsafListing() {
    }

    /**
     * Both forms CISA has published: until 2025 unquoted, ordered by year and id (NOT by time, so the whole file
     * is read, never "up to the first old line"), with repository paths
     * ({@code csaf_files/OT/white/2025/x.json,2025-02-27T07:00:00.000000Z}); since 2025 quoted, time-sorted and
     * relative ({@code "2026/x.json","2026-02-10T…Z"}). Lines that are neither are skipped.
     */
    static Map<String, Instant> changes(String csv) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (String line : csv.split("\r?\n|\r")) {
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                continue;
            }
            String path = key(unquote(line.substring(0, comma)));
            Instant at = CsafConverter.instant(unquote(line.substring(comma + 1)));
            if (path != null && at != null) {
                out.merge(path, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return out;
    }

    /** {@code index.txt}: one path per line, old or new form. */
    static List<String> index(String text) {
        return text.lines().map(l -> key(unquote(l))).filter(k -> k != null).distinct().toList();
    }

    /** A ROLIE feed read: its usable entries, and the entries that could not be used with the reason. */
    record Rolie(List<Entry> entries, List<Rejected> rejected) {
    }

    /** A listed item Vigil could not use; reported as a failed item of the run. */
    record Rejected(String item, String reason) {
    }

    /**
     * ROLIE feed entries → document URL and {@code updated}; keys from the last two path segments. An entry whose
     * link is not a usable URL is rejected alone, with its reason: one bad entry must not hide the others.
     */
    static Rolie rolie(String json) throws IOException {
        JsonNode feed = new ObjectMapper().readTree(json).path("feed");
        List<Entry> entries = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (JsonNode e : feed.path("entry")) {
            String href = null;
            for (JsonNode link : e.path("link")) {
                if ("self".equals(link.path("rel").asText())) {
                    href = link.path("href").asText(null);
                }
            }
            if (href == null) {
                href = e.path("content").path("src").asText(null);
            }
            String item = e.path("id").asText(href == null ? "ROLIE entry" : href);
            if (href == null) {
                rejected.add(new Rejected(item, "ROLIE entry has no self link"));
                continue;
            }
            String key = keyOfUrl(href);
            if (key == null) {
                rejected.add(new Rejected(item, "ROLIE entry link '" + abbreviate(href) + "' is not a URL of a .json document"));
                continue;
            }
            entries.add(new Entry(key, href.strip(), CsafConverter.instant(e.path("updated").asText(null))));
        }
        return new Rolie(entries, rejected);
    }

    /** {@code https://host/a/2025/x.json} → {@code 2025/x.json}; null when the URL does not parse or names no document. */
    private static String keyOfUrl(String href) {
        URI uri;
        try {
            uri = new URI(href.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() == null || uri.getPath() == null) {
            return null;
        }
        String[] parts = uri.getPath().split("/");
        return parts.length >= 2 ? key(parts[parts.length - 2] + "/" + parts[parts.length - 1]) : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    /** The file name's advisory id prefix, upper-cased: {@code 2025/icsma-25-030-01.json} → ICSMA-25-030-01. */
    static boolean hasPrefix(String key, List<String> prefixes) {
        String name = key.substring(key.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
        return prefixes.stream().anyMatch(p -> name.startsWith(p.strip().toUpperCase(Locale.ROOT) + "-"));
    }

    /** Strips the repository prefix of old-form paths ({@code csaf_files/OT/white/}); null for non-JSON lines. */
    static String key(String path) {
        String p = path.strip();
        if (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.startsWith("csaf_files/")) {
            String[] parts = p.split("/", 4);
            p = parts.length == 4 ? parts[3] : p;
        }
        return p.endsWith(".json") && !p.contains("..") && !p.startsWith("/") ? p : null;
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
