package org.vigil.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.evidence.ProductFacts;

/** Reads ../shared/matching-devset and the ICSMA documents of ../shared/corpus for the devset tools. */
final class DevsetFiles {

    static final Path SHARED = locate();
    static final String LABEL_CUTOFF = "2025-02-27T23:59:59Z";

    private DevsetFiles() {
    }

    /** ../shared beside the clone (../../shared from a worktree), or -Ddevset.shared=DIR; null when absent. */
    private static Path locate() {
        String configured = System.getProperty("devset.shared");
        for (String p : configured != null ? List.of(configured) : List.of("../shared", "../../shared")) {
            if (Files.isDirectory(Path.of(p, "matching-devset"))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /**
     * Skips the calling test, saying why, when {@code shared} lacks the devset or the corpus; with {@code required}
     * ({@code -Ddevset.required=true}, as .ci/run sets it: CI always has shared/) it fails instead, so the only
     * accuracy gate can never pass by skipping.
     */
    static void requirePresent(Path shared, boolean required) {
        String missing = shared == null ? "../shared/matching-devset"
                : !Files.isDirectory(shared.resolve("corpus/cisa-csaf/OT/white")) ? shared + "/corpus/cisa-csaf" : null;
        if (missing == null) {
            return;
        }
        String why = missing + " is absent: devset accuracy check ";
        if (required) {
            org.junit.jupiter.api.Assertions.fail(why + "cannot run, and -Ddevset.required=true (CI) needs it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, why + "skipped (needs shared/ beside the clone)");
    }

    record Row(String assetId, String manufacturer, String model, String version, String udiDi, String productCode,
            String hospital) {
    }

    /** The two public labelled sets: the first, and the one written the way other hospitals write inventories. */
    static final List<String> SETS = List.of("matching-devset", "matching-devset-2");

    static List<Row> devices() throws IOException {
        return devices("matching-devset");
    }

    static List<Row> devices(String set) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(SHARED.resolve(set + "/devices.csv"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csv(line);
            rows.add(new Row(f.get(0), f.get(1), f.get(2), blank(f.get(3)), blank(f.get(4)), blank(f.get(5)), f.get(8)));
        }
        return rows;
    }

    /** "asset_id advisory_id" pairs of expected.csv or decoys.csv. */
    static Set<String> pairs(String file) throws IOException {
        return pairs("matching-devset", file);
    }

    static Set<String> pairs(String set, String file) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(SHARED.resolve(set + "/" + file));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csv(line);
            out.add(f.get(0) + " " + f.get(1));
        }
        return out;
    }

    /** ICSMA document paths released up to the labelling cut-off. */
    static List<Path> icsmaDocuments(boolean labelledOnly) throws IOException {
        Path root = SHARED.resolve("corpus/cisa-csaf/OT/white");
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> docs = s.filter(p -> p.getFileName().toString().matches("icsma-.*\\.json")).sorted().toList();
            if (!labelledOnly) {
                return docs;
            }
            List<Path> out = new ArrayList<>();
            for (Path p : docs) {
                String date;
                try {
                    date = MAPPER.readTree(p.toFile()).path("document").path("tracking")
                            .path("current_release_date").asText("");
                } catch (IOException e) {
                    continue; // icsma-26-216-01 is invalid JSON upstream, and newer than the labels anyway
                }
                if (date.compareTo(LABEL_CUTOFF) <= 0) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    // Trailing commas as the cisa-csaf source reads them (icsma-26-216-01 has some upstream).
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    /** Every product of these documents by advisory, prepared by the matcher, which first learns their families. */
    static Map<String, List<org.vigil.matching.evidence.Matcher.PreparedProduct>> prepared(
            org.vigil.matching.evidence.Matcher matcher, List<Path> docs) throws IOException {
        Map<String, List<ProductFacts>> advisories = products(docs);
        advisories.values().forEach(matcher::learn);
        Map<String, List<org.vigil.matching.evidence.Matcher.PreparedProduct>> out = new LinkedHashMap<>();
        advisories.forEach((id, products) -> out.put(id, products.stream().map(matcher::prepare).toList()));
        return out;
    }

    /** A minimal product-tree walk (vendor → product_name → version leaf) for the pure evaluation. */
    static Map<String, List<ProductFacts>> products(List<Path> docs) throws IOException {
        Map<String, List<ProductFacts>> out = new LinkedHashMap<>();
        for (Path p : docs) {
            JsonNode root;
            try {
                root = MAPPER.readTree(p.toFile());
            } catch (IOException e) {
                continue;
            }
            String id = root.path("document").path("tracking").path("id").asText();
            Map<String, ProductStatus> status = new HashMap<>();
            for (JsonNode v : root.path("vulnerabilities")) {
                v.path("product_status").fields().forEachRemaining(e -> e.getValue().forEach(n -> status.put(n.asText(),
                        switch (e.getKey()) {
                            case "fixed" -> ProductStatus.FIXED;
                            case "known_not_affected" -> ProductStatus.NOT_AFFECTED;
                            case "under_investigation" -> ProductStatus.UNDER_INVESTIGATION;
                            default -> ProductStatus.AFFECTED;
                        })));
            }
            List<ProductFacts> list = new ArrayList<>();
            for (JsonNode b : root.path("product_tree").path("branches")) {
                walk(id, b, null, null, status, list);
            }
            out.put(id, list);
        }
        return out;
    }

    private static void walk(String id, JsonNode b, String vendor, String product, Map<String, ProductStatus> status,
            List<ProductFacts> out) {
        String cat = b.path("category").asText();
        String name = b.path("name").asText(null);
        if (cat.equals("vendor")) {
            vendor = name;
        } else if (cat.equals("product_name") || (cat.equals("product_family") && product == null)) {
            product = name;
        }
        if (b.has("product")) {
            String pid = b.path("product").path("product_id").asText();
            String version = cat.startsWith("product_version") ? name : null;
            out.add(new ProductFacts(id, pid, vendor == null ? null : vendor.strip(),
                    product == null ? null : product.strip(), version,
                    status.getOrDefault(pid, ProductStatus.AFFECTED), null, List.of(), List.of(), List.of(), List.of(),
                    List.of(), b.path("product").path("name").asText(null)));
        }
        for (JsonNode c : b.path("branches")) {
            walk(id, c, vendor, product, status, out);
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
