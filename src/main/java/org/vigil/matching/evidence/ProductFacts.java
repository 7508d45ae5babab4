package org.vigil.matching.evidence;

import java.util.List;
import org.vigil.advisory.ProductStatus;

/** What matching reads of one affected-product row of an advisory. */
public record ProductFacts(String advisoryId, String productId, String vendor, String product, String versionText,
        ProductStatus status, String productCode, List<String> modelNumbers, List<String> catalogNumbers,
        List<String> udiDis) {
}
