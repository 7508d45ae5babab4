package org.vigil.ingest.cisa.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft.Product;
import org.vigil.advisory.ProductStatus;

/**
 * Walks a CSAF product tree into one {@link Product} per leaf. CISA writes vendor → product_name (rarely
 * product_family) → product_version | product_version_range; the leaf's branch name is the version text and
 * is kept verbatim, however odd ("vers:all/>=V1.17.3<V1.18.0", "* (end-of-life 2011)"): matching decides what
 * it means, the converter never drops a product for it.
 */
final class CsafProducts {

    private CsafProducts() {
    }

    /** Product id → product, in document order; statuses are filled in later from the vulnerabilities. */
    static Map<String, Product> read(JsonNode productTree) {
        Map<String, Product> products = new LinkedHashMap<>();
        if (productTree == null || productTree.isMissingNode()) {
            return products;
        }
        for (JsonNode branch : productTree.path("branches")) {
            walk(branch, new Path(null, null, null, null), products);
        }
        for (JsonNode full : productTree.path("full_product_names")) {
            add(products, full, new Path(null, null, null, null), null);
        }
        for (JsonNode rel : productTree.path("relationships")) {
            JsonNode full = rel.path("full_product_name");
            String id = text(full, "product_id");
            if (id == null || products.containsKey(id)) {
                continue;
            }
            Product base = products.get(text(rel, "relates_to_product_reference"));
            Product component = products.get(text(rel, "product_reference"));
            String vendor = base != null ? base.vendor() : component != null ? component.vendor() : null;
            String version = component != null ? component.versionText() : null;
            products.put(id, new Product(id, vendor, clean(text(full, "name")), version, ProductStatus.AFFECTED,
                    null, List.of(), List.of(), List.of()));
        }
        return products;
    }

    private record Path(String vendor, String family, String product, String version) {
    }

    private static void walk(JsonNode branch, Path path, Map<String, Product> products) {
        String category = branch.path("category").asText("");
        String name = branch.path("name").asText(null);
        Path here = switch (category) {
            case "vendor" -> new Path(name, path.family(), path.product(), path.version());
            case "product_family" -> new Path(path.vendor(), name, path.product(), path.version());
            case "product_name" -> new Path(path.vendor(), path.family(), name, path.version());
            case "product_version", "product_version_range" -> new Path(path.vendor(), path.family(), path.product(), name);
            default -> path;
        };
        if (branch.has("product")) {
            add(products, branch.path("product"), here, here.version());
        }
        for (JsonNode child : branch.path("branches")) {
            walk(child, here, products);
        }
    }

    private static void add(Map<String, Product> products, JsonNode product, Path path, String version) {
        String id = text(product, "product_id");
        if (id == null) {
            return;
        }
        String name = path.product() != null ? path.product() : path.family();
        if (name == null) {
            name = text(product, "name");
        }
        JsonNode helper = product.path("product_identification_helper");
        products.put(id, new Product(id, clean(path.vendor()), clean(name), version, ProductStatus.AFFECTED, null,
                texts(helper.path("model_numbers")), texts(helper.path("skus")), List.of(), List.of(), List.of(),
                text(product, "name")));
    }

    /** Vendor and product names lose the stray spaces CISA leaves ("Medtronic "); version text is not touched. */
    private static String clean(String s) {
        return s == null ? null : s.strip();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isValueNode() && !n.asText().isBlank()) {
                out.add(n.asText());
            }
        });
        return out;
    }
}
