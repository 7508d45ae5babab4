package org.vigil.matching;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.Matcher;

/**
 * The matcher alone against ../shared/matching-devset (no database, no ingestion): every device × every ICSMA
 * released up to the labelling cut-off. Prints precision and recall. Skips when ../shared is absent.
 * Run: ./mvnw -B test -Dtest=DevsetMatcherBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
class DevsetMatcherBenchmark {

    @Test
    void precisionAndRecall() throws Exception {
        assumeTrue(DevsetFiles.SHARED != null, "../shared/matching-devset is absent: devset evaluation skipped");
        Matcher matcher = new Matcher(AliasRegistry.builtIn());
        Map<String, List<Matcher.PreparedProduct>> prepared = DevsetFiles.prepared(matcher,
                DevsetFiles.icsmaDocuments(true));
        for (String set : DevsetFiles.SETS) {
            score(set, matcher, prepared);
        }
    }

    private static void score(String set, Matcher matcher, Map<String, List<Matcher.PreparedProduct>> advisories)
            throws Exception {
        Set<String> expected = DevsetFiles.pairs(set, "expected.csv");
        Set<String> decoys = DevsetFiles.pairs(set, "decoys.csv");
        Set<String> found = new HashSet<>();
        List<String> indexMisses = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, DevsetFiles.Row> rows = new java.util.HashMap<>();
        for (DevsetFiles.Row r : DevsetFiles.devices(set)) {
            rows.put(r.assetId(), r);
            var d = matcher.prepare(new DeviceFacts(UUID.randomUUID(), null, r.manufacturer(), r.model(), r.version(),
                    r.udiDi(), r.productCode(), null));
            for (var e : advisories.entrySet()) {
                var m = matcher.match(d, e.getValue());
                if (m.isPresent()) {
                    String pair = r.assetId() + " " + e.getKey();
                    // The index must find what the matcher matches: the device shares a term with the advisory.
                    java.util.Set<String> terms = new java.util.HashSet<>(org.vigil.matching.index.Terms.of(d));
                    if (e.getValue().stream().noneMatch(p -> org.vigil.matching.index.Terms.of(p).stream()
                            .anyMatch(terms::contains))) {
                        indexMisses.add(pair);
                    }
                    found.add(pair);
                    if (!expected.contains(pair) || Boolean.getBoolean("devset.verbose")) {
                        lines.add((expected.contains(pair) ? "TP " : decoys.contains(pair) ? "FP(decoy) " : "FP ")
                                + pair + " [" + r.manufacturer() + " | " + r.model() + " | " + r.version() + "] "
                                + m.get().confidence() + " " + m.get().reasons());
                    }
                }
            }
        }
        for (String pair : expected) {
            if (!found.contains(pair)) {
                var r = rows.get(pair.split(" ")[0]);
                lines.add("FN " + pair + " [" + r.manufacturer() + " | " + r.model() + " | " + r.version() + "]");
            }
        }
        long tp = found.stream().filter(expected::contains).count();
        System.out.println("=== " + set);
        lines.forEach(System.out::println);
        indexMisses.forEach(p -> System.out.println("INDEX MISS " + p));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), indexMisses,
                set + ": pairs the matcher matches but the term index would not offer");
        System.out.printf("DEVSET %s (matcher only): pairs found %d, expected %d, true positives %d, precision %.3f, "
                + "recall %.3f%n", set, found.size(), expected.size(), tp,
                found.isEmpty() ? 0.0 : (double) tp / found.size(), (double) tp / expected.size());
    }
}
