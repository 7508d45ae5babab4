package org.vigil.matching.generated;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.company.ManufacturerNames;

/**
 * The built-in alias list read for the generators: which names the registry treats as one company, which of them
 * are today's owners (the right-hand side, "Hill-Rom = Baxter"), and the words of a company's names.
 */
final class CompanyNames {

    private final AliasRegistry aliases;
    /** Every name of the list, both sides. */
    final List<String> names;
    /** Right-hand names of the list: today's owners. */
    final Set<String> owners;
    private final Map<String, Set<String>> wordsCache = new HashMap<>();

    CompanyNames(AliasRegistry aliases) {
        this.aliases = aliases;
        Set<String> all = new LinkedHashSet<>();
        Set<String> right = new LinkedHashSet<>();
        for (AliasRegistry.Alias a : AliasRegistry.readBuiltIn().aliases()) {
            all.add(a.alias());
            all.add(a.canonical());
            right.add(a.canonical());
        }
        this.names = List.copyOf(all);
        this.owners = Set.copyOf(right);
    }

    /** Names among {@code candidates} the registry treats as {@code company} without being a spelling of it. */
    List<String> sameCompany(Collection<String> candidates, String company) {
        List<String> keys = ManufacturerNames.keys(company).stream().map(k -> k.replace(" ", "")).toList();
        List<String> out = new ArrayList<>();
        Set<String> outKeys = new HashSet<>();
        for (String name : candidates) {
            String k = ManufacturerNames.key(name).replace(" ", "");
            boolean spelling = keys.stream().anyMatch(v -> v.startsWith(k) || k.startsWith(v));
            if (!spelling && aliases.sameCompany(name, company) != null && outKeys.add(k)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Other names of the company (Welch Allyn, Baxter for Hillrom). */
    List<String> aliasesOf(String company) {
        return sameCompany(names, company);
    }

    /** Today's owner ("Covidien LLC" → Medtronic). */
    List<String> ownersOf(String company) {
        return sameCompany(owners, company);
    }

    /** The words of the company and of every registry name of it: company words, not product words. */
    Set<String> words(String company) {
        return wordsCache.computeIfAbsent(company == null ? "" : company, v -> {
            Set<String> out = new HashSet<>(Words.words(v));
            for (String name : names) {
                if (!v.isEmpty() && aliases.sameCompany(name, v) != null) {
                    out.addAll(Words.words(name));
                }
            }
            return out;
        });
    }
}
