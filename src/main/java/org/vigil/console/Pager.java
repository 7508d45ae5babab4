package org.vigil.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.api.Page;

/**
 * Links of a paged table that keep every filter in the URL, so a filtered page can be bookmarked and shared.
 *
 * @param path   the page's path, e.g. {@code /ui/findings}
 * @param params the current filters (blank ones are left out of links)
 */
public record Pager(int page, int size, long total, String path, Map<String, String> params) {

    public static Pager of(Page<?> page, String path, Map<String, String> params) {
        return new Pager(page.page(), page.size(), page.total(), path, params);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long first() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long last() {
        return Math.min(total, (long) (page + 1) * size);
    }

    public String previous() {
        return link(Map.of("page", String.valueOf(page - 1)));
    }

    public String next() {
        return link(Map.of("page", String.valueOf(page + 1)));
    }

    /** The same filters ordered by {@code key}: descending first, ascending when already descending. */
    public String sortLink(String key) {
        String current = params.get("sort");
        return link(Map.of("sort", ("-" + key).equals(current) ? key : "-" + key, "page", "0"));
    }

    /** The aria-sort value of a column header for {@code key}. */
    public String ariaSort(String key) {
        String current = params.get("sort");
        return key.equals(current) ? "ascending" : ("-" + key).equals(current) ? "descending" : "none";
    }

    /** This page's URL with some parameters replaced. */
    public String link(Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putAll(changes);
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (var e : all.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank() || (e.getKey().equals("page") && e.getValue().equals("0"))) {
                continue;
            }
            sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }
}
