package org.vigil.advisory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.advisory.AdvisoryChanged.Change;
import org.vigil.advisory.AdvisoryDraft.Cve;
import org.vigil.advisory.AdvisoryDraft.Product;
import org.vigil.advisory.AdvisoryDraft.Remediation;

/** What changed between two versions of an advisory, in the terms a hospital cares about. */
public final class AdvisoryDiff {

    private AdvisoryDiff() {
    }

    public static List<Change> between(AdvisoryDraft before, AdvisoryDraft after) {
        List<Change> changes = new ArrayList<>();
        Set<String> oldProducts = productKeys(before.products());
        Set<String> newProducts = productKeys(after.products());
        for (Product p : after.products()) {
            String key = productKey(p);
            if (!oldProducts.contains(key)) {
                ChangeType type = p.status() == ProductStatus.FIXED ? ChangeType.FIXED_VERSION_ADDED
                        : p.status() == ProductStatus.AFFECTED ? ChangeType.AFFECTED_PRODUCT_ADDED
                        : ChangeType.AFFECTED_PRODUCT_REMOVED;
                changes.add(new Change(type, describe(p)));
            }
        }
        for (Product p : before.products()) {
            if (!newProducts.contains(productKey(p)) && p.status() == ProductStatus.AFFECTED) {
                changes.add(new Change(ChangeType.AFFECTED_PRODUCT_REMOVED, describe(p)));
            }
        }

        Map<String, Cve> oldCves = new HashMap<>();
        before.cves().forEach(c -> oldCves.put(c.cve(), c));
        for (Cve c : after.cves()) {
            Cve old = oldCves.get(c.cve());
            if (old == null) {
                changes.add(new Change(ChangeType.CVE_ADDED, c.cve()
                        + (c.cvssScore() == null ? "" : " (CVSS " + c.cvssScore() + ")")));
            } else if (!Objects.equals(old.cvssScore(), c.cvssScore())
                    || !Objects.equals(old.cvssVector(), c.cvssVector())) {
                changes.add(new Change(ChangeType.CVSS_CHANGED, c.cve() + ": " + old.cvssScore() + " -> " + c.cvssScore()));
            }
        }

        Set<String> oldRemediations = new HashSet<>();
        before.remediations().forEach(r -> oldRemediations.add(remediationKey(r)));
        for (Remediation r : after.remediations()) {
            if (!oldRemediations.contains(remediationKey(r))) {
                ChangeType type = "vendor_fix".equals(r.category()) ? ChangeType.FIXED_VERSION_ADDED
                        : ChangeType.REMEDIATION_ADDED;
                changes.add(new Change(type, r.category() + ": " + abbreviate(r.details())));
            }
        }
        if (before.severity() != after.severity()) {
            changes.add(new Change(ChangeType.SEVERITY_CHANGED, before.severity() + " -> " + after.severity()));
        }
        if (!Objects.equals(before.status(), after.status())) {
            changes.add(new Change(ChangeType.STATUS_CHANGED, before.status() + " -> " + after.status()));
        }
        if (changes.isEmpty() && (!Objects.equals(before.title(), after.title())
                || !Objects.equals(before.summary(), after.summary())
                || !Objects.equals(before.details(), after.details()))) {
            changes.add(new Change(ChangeType.TEXT_CHANGED, "title, summary or details edited"));
        }
        return changes;
    }

    private static Set<String> productKeys(List<Product> products) {
        Set<String> keys = new HashSet<>();
        products.forEach(p -> keys.add(productKey(p)));
        return keys;
    }

    private static String productKey(Product p) {
        // Product code and identifiers are part of the key: a recall whose scope grows by a model, catalog number
        // UDI-DI, lot or serial is an affected product added, not a text edit. CSAF products leave them empty.
        return p.status() + "|" + norm(p.vendor()) + "|" + norm(p.product()) + "|" + norm(p.versionText())
                + "|" + norm(p.productCode()) + "|" + sorted(p.modelNumbers()) + "|" + sorted(p.catalogNumbers())
                + "|" + sorted(p.udiDis()) + "|" + sorted(p.lots()) + "|" + sorted(p.serials());
    }

    private static String sorted(List<String> values) {
        return values == null ? "" : String.join(",", new java.util.TreeSet<>(values));
    }

    private static String remediationKey(Remediation r) {
        return r.category() + "|" + norm(r.details());
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    static String describe(Product p) {
        return norm(p.vendor()) + " " + norm(p.product())
                + (p.versionText() == null || p.versionText().isBlank() ? "" : " " + norm(p.versionText()));
    }

    private static String abbreviate(String s) {
        String n = norm(s);
        return n.length() <= 200 ? n : n.substring(0, 197) + "...";
    }
}
