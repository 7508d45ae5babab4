package org.vigil.matching.evidence;

import java.util.List;
import org.vigil.advisory.ProductStatus;

/** What matching reads of one affected-product row of an advisory; lots and serials as in {@link LotScope}. */
public record ProductFacts(String advisoryId, String productId, String vendor, String product, String versionText,
        ProductStatus status, String productCode, List<String> modelNumbers, List<String> catalogNumbers,
        List<String> udiDis, List<String> lots, List<String> serials, String fullName) {

    /** A product without a full name. */
    public ProductFacts(String advisoryId, String productId, String vendor, String product, String versionText,
            ProductStatus status, String productCode, List<String> modelNumbers, List<String> catalogNumbers,
            List<String> udiDis, List<String> lots, List<String> serials) {
        this(advisoryId, productId, vendor, product, versionText, status, productCode, modelNumbers,
                catalogNumbers, udiDis, lots, serials, null);
    }

    /** A product without lot or serial limits. */
    public ProductFacts(String advisoryId, String productId, String vendor, String product, String versionText,
            ProductStatus status, String productCode, List<String> modelNumbers, List<String> catalogNumbers,
            List<String> udiDis) {
        this(advisoryId, productId, vendor, product, versionText, status, productCode, modelNumbers, catalogNumbers,
                udiDis, List.of(), List.of());
    }
}
