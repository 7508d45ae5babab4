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
import org.vigil.matching.evidence.ProductFacts;

/**
 * The matcher alone against ../shared/matching-devset (no database, no ingestion): every device × every ICSMA
 * released up to the labelling cut-off. Prints precision and recall. Skips when ../shared is absent.
 * Run: ./mvnw -B test -Dtest=DevsetMatcherBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
class DevsetMatcherBenchmark {

    @Test
    void precisionAndRecall() throws Exception {
        assumeTrue(DevsetFiles.SHARED != null, "../shared/matching-devset is absent: devset evaluation skipped");
        Map<String, List<ProductFacts>> advisories = DevsetFiles.products(DevsetFiles.icsmaDocuments(true));
        Matcher matcher = new Matcher(AliasRegistry.builtIn());
        Set<String> expected = DevsetFiles.pairs("expected.csv");
        Set<String> decoys = DevsetFiles.pairs("decoys.csv");
        Set<String> found = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (DevsetFiles.Row r : DevsetFiles.devices()) {
            var d = matcher.prepare(new DeviceFacts(UUID.randomUUID(), null, r.manufacturer(), r.model(), r.version(),
                    r.udiDi(), r.productCode(), null));
            for (var e : advisories.entrySet()) {
                var prepared = e.getValue().stream().map(matcher::prepare).toList();
                var m = matcher.match(d, prepared);
                if (m.isPresent()) {
                    String pair = r.assetId() + " " + e.getKey();
                    found.add(pair);
                    lines.add((expected.contains(pair) ? "TP " : decoys.contains(pair) ? "FP(decoy) " : "FP ") + pair
                            + " " + m.get().confidence() + " " + m.get().reasons());
                }
            }
        }
        for (String pair : expected) {
            if (!found.contains(pair)) {
                lines.add("FN " + pair);
            }
        }
        long tp = found.stream().filter(expected::contains).count();
        lines.forEach(System.out::println);
        System.out.printf("DEVSET (matcher only): pairs found %d, expected %d, true positives %d, precision %.3f, recall %.3f%n",
                found.size(), expected.size(), tp, found.isEmpty() ? 0.0 : (double) tp / found.size(),
                (double) tp / expected.size());
    }
}
