package org.vigil.ingest.fda.safety;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;
import org.vigil.digest.Sha256;

/** A safety communication RSS item as an advisory. Pure. */
final class SafetyConverter {

    static final String SOURCE = "fda-safety";
    private static final int MAX_ID = 64;
    static final String CISA_PAGE = "https://www.cisa.gov/news-events/ics-medical-advisories/";

    private SafetyConverter() {
    }

    /** Medical-device communications: the link is under the safety-communications path, or the text names devices. */
    static boolean isDeviceCommunication(FeedItem item, String linkPath, List<String> keywords) {
        if (item.link() != null && item.link().contains(linkPath)) {
            return true;
        }
        String text = ((item.title() == null ? "" : item.title()) + " "
                + (item.description() == null ? "" : item.description())).toLowerCase(Locale.ROOT);
        return keywords.stream().map(k -> k.strip().toLowerCase(Locale.ROOT))
                .anyMatch(k -> !k.isEmpty() && text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(k) + "\\b.*"));
    }

    /**
     * The advisory id is the page slug ("cybersecurity-vulnerabilities-certain-patient-monitors-..."), as the FDA
     * names its pages; slugs longer than the id column keep their start and gain a short digest of the whole.
     */
    static String id(FeedItem item) {
        String key = item.link() != null ? item.link() : item.guid() != null ? item.guid() : item.title();
        if (key == null) {
            throw new IllegalArgumentException("item has no link, guid or title");
        }
        String slug;
        try {
            String path = URI.create(key.strip()).getPath();
            slug = path == null || path.isBlank() ? key : path.replaceAll("/+$", "");
            slug = slug.substring(slug.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException e) {
            slug = key;
        }
        slug = slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "fda-safety";
        }
        return slug.length() <= MAX_ID ? slug : slug.substring(0, MAX_ID - 9).replaceAll("-+$", "") + "-" + digest(key);
    }

    static AdvisoryDraft toDraft(FeedItem item, Mentions.Found mentions, List<String> relatedAdvisories) {
        String summary = item.description() == null ? null
                : item.description().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        List<AdvisoryDraft.Product> products = new ArrayList<>();
        int n = 0;
        for (Mentions.Pair pair : mentions.pairs()) {
            products.add(new AdvisoryDraft.Product("P" + (++n), pair.manufacturer(), pair.product(), null,
                    ProductStatus.AFFECTED, null, List.of(pair.product()), List.of(), List.of()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("manufacturers", mentions.manufacturers());
        details.put("products", mentions.products());
        if (!mentions.cves().isEmpty()) {
            details.put("cves", mentions.cves());
        }
        details.put("relatedAdvisories", relatedAdvisories);
        if (item.guid() != null) {
            details.put("guid", item.guid());
        }
        // The related CISA advisories are also references, so that every advisory view lists them.
        List<AdvisoryDraft.Reference> references = relatedAdvisories.stream()
                .map(id -> new AdvisoryDraft.Reference(CISA_PAGE + id.toLowerCase(Locale.ROOT),
                        "Related CISA advisory " + id, "related"))
                .toList();
        String title = item.title() == null ? "FDA safety communication" : truncate(item.title(), 2000);
        return new AdvisoryDraft(id(item), SOURCE, title, summary, truncate(item.link(), 2000), item.published(),
                item.published(), item.published() == null ? "1" : item.published().toString(), Severity.UNKNOWN,
                "published", List.of(), products, List.of(), references, List.of(), details,
                new AdvisoryDraft.Provenance(null, Verification.UNVERIFIED, "FDA RSS over HTTPS; no signature", null),
                org.vigil.advisory.Json.write(item));
    }

    private static String digest(String s) {
        return Sha256.hex(s, 4);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
