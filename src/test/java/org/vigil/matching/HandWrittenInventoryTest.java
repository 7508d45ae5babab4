package org.vigil.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.Matcher;

/**
 * Inventory rows written by hand the way CMMS exports name things (src/test/resources/matching/
 * hand-written-inventory.csv, none taken from a devset), against every ICSMA of ../shared/corpus with the matcher
 * alone: each row must match the advisory it names, and a row marked "-" must match none. Skips without ../shared.
 */
class HandWrittenInventoryTest {

    record Row(String assetId, String manufacturer, String model, String version, String expected) {
    }

    @Test
    void everyRowMatchesItsAdvisoryAndNothingElseWhereNoneApplies() throws IOException {
        assumeTrue(DevsetFiles.SHARED != null, "../shared is absent: the hand-written inventory check is skipped");
        Matcher matcher = new Matcher(AliasRegistry.builtIn());
        Map<String, List<Matcher.PreparedProduct>> prepared = DevsetFiles.prepared(matcher,
                DevsetFiles.icsmaDocuments(false));
        List<String> wrong = new ArrayList<>();
        List<Row> rows = rows();
        for (Row r : rows) {
            var device = matcher.prepare(new DeviceFacts(UUID.randomUUID(), null, r.manufacturer(), r.model(),
                    r.version(), null, null, null));
            List<String> matched = new ArrayList<>();
            prepared.forEach((id, products) -> matcher.match(device, products).ifPresent(m -> matched.add(id)));
            boolean ok = r.expected().equals("-") ? matched.isEmpty() : matched.contains(r.expected());
            if (!ok) {
                StringBuilder why = new StringBuilder(r + " matched " + matched);
                if (prepared.containsKey(r.expected())) {   // what the matcher saw in each leaf of the expected one
                    for (Matcher.Leaf leaf : matcher.weigh(device, prepared.get(r.expected()))) {
                        why.append("\n    ").append(leaf.product().facts().product()).append(" | ")
                                .append(leaf.company()).append(" | ").append(leaf.evidence().level())
                                .append(leaf.evidence().reasons()).append(" | ").append(leaf.verdict());
                    }
                }
                wrong.add(why.toString());
            }
        }
        System.out.printf("hand-written inventory: %d rows, %d as expected%n", rows.size(), rows.size() - wrong.size());
        assertEquals(List.of(), wrong);
    }

    private static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = HandWrittenInventoryTest.class.getResourceAsStream("/matching/hand-written-inventory.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            boolean header = true;
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                out.add(new Row(f[0], f[1], f[2], f[3].isBlank() ? null : f[3], f[4].strip()));
            }
        }
        return out;
    }
}
