package org.vigil.matching.evidence;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.matching.company.AliasRegistry;

/**
 * Product-line words shared by several products of one company in the catalogue ("Vue" of Vue PACS, Vue Motion
 * and Vue RIS; "IntelliSpace" of IntelliSpace PACS and IntelliSpace Portal): an inverse document frequency over the
 * company's product names, kept current as advisories arrive. A family word alone does not say which product a
 * device is; a word only one product has does.
 */
public final class Families {

    private final AliasRegistry aliases;
    /** company key → line-word stem → product names (folded) that have it. */
    private final Map<String, Map<String, Set<String>>> words = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public Families(AliasRegistry aliases) {
        this.aliases = aliases;
    }

    /** Adds the product names of these rows (known ones are skipped cheaply). */
    public void learn(Collection<ProductFacts> products) {
        for (ProductFacts p : products) {
            learn(p.vendor(), p.product());
        }
    }

    public void learn(String vendor, String product) {
        if (vendor == null || product == null || !seen.add(vendor + '\u0001' + product) || seen.size() > 2_000_000) {
            return;
        }
        Wording w = Wording.of(product, aliases.companyWords(vendor));
        String name = String.join(" ", w.texts());
        for (AliasRegistry.Resolved company : aliases.companies(vendor)) {
            Map<String, Set<String>> byWord = words.computeIfAbsent(company.key(), k -> new ConcurrentHashMap<>());
            if (w.words.isEmpty()) {
                continue;
            }
            for (Wording.Word word : w.words) {
                if (word.role() == Wording.Role.LINE) {
                    byWord.computeIfAbsent(word.stem(), k -> ConcurrentHashMap.newKeySet()).add(name);
                }
            }
        }
    }

    /** True when two or more product names of this vendor's company share the word. */
    boolean family(String vendor, String stem) {
        for (AliasRegistry.Resolved company : aliases.companies(vendor)) {
            Set<String> names = words.getOrDefault(company.key(), Map.of()).get(stem);
            if (names != null && names.size() >= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the catalogue has advisories of this company: a manufacturer that publishes its own is a real,
     * different maker, not a distributor or former owner writing another company's brand.
     */
    boolean knownVendor(String manufacturer) {
        return aliases.companies(manufacturer).stream().anyMatch(c -> words.containsKey(c.key()));
    }

    /** How many product names are known (for logs and tests). */
    public int size() {
        return seen.size();
    }
}
