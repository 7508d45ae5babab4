package org.vigil.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryDraft.Cve;
import org.vigil.advisory.AdvisoryDraft.Product;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;

/** Advisory drafts shaped like the CSAF converter's output. */
final class Drafts {

    private Drafts() {
    }

    static Product product(String id, String vendor, String name, String version) {
        return new Product(id, vendor, name, version, ProductStatus.AFFECTED, null, List.of(), List.of(), List.of());
    }

    static AdvisoryDraft csaf(String id, String revision, List<Product> products, String... cves) {
        List<Cve> list = new ArrayList<>();
        for (String c : cves) {
            list.add(new Cve(c, "CWE-912", "Hidden Functionality", "backdoor", "3.1",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "HIGH",
                    products.stream().map(Product::productId).toList()));
        }
        return new AdvisoryDraft(id, "cisa-csaf", "Test advisory " + id, "summary", "https://example.org/" + id,
                Instant.parse("2025-01-30T00:00:00Z"), Instant.now(), revision, Severity.HIGH, "final", list, products,
                List.of(), List.of(), List.of(), Map.of(), null, null);
    }
}
