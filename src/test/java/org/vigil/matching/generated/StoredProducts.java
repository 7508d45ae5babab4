package org.vigil.matching.generated;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.Json;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.evidence.ProductFacts;

/**
 * An advisory's products as matching sees them in the running app: {@code AdvisoryMapper.apply} stores each
 * {@link AdvisoryDraft.Product} as an {@code affected_product} row (status null → AFFECTED, lists as JSON) and
 * {@code CatalogReader.products} reads every row of the advisory back, in document order, into {@link ProductFacts}.
 */
final class StoredProducts {

    private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private StoredProducts() {
    }

    static List<ProductFacts> of(AdvisoryDraft d) {
        return d.products().stream().map(p -> facts(d.id(), p)).toList();
    }

    static ProductFacts facts(String advisoryId, AdvisoryDraft.Product p) {
        return new ProductFacts(advisoryId, p.productId(), p.vendor(), p.product(), p.versionText(),
                p.status() == null ? ProductStatus.AFFECTED : p.status(), p.productCode(), stored(p.modelNumbers()),
                stored(p.catalogNumbers()), stored(p.udiDis()), stored(p.lots()), stored(p.serials()), p.fullName());
    }

    private static List<String> stored(List<String> values) {
        return Json.readList(Json.write(values), String.class);
    }

    /**
     * Product ids a vulnerability of this CSAF document lists as {@code known_affected}. Read with trailing commas
     * allowed, as the converter reads icsma-26-216-01.
     */
    static Set<String> knownAffected(String raw) {
        Set<String> ids = new HashSet<>();
        try {
            JsonNode root = LENIENT.readTree(raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
            for (JsonNode v : root.path("vulnerabilities")) {
                v.path("product_status").path("known_affected").forEach(n -> ids.add(n.asText()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable CSAF document", e);
        }
        return ids;
    }
}
