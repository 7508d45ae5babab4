package org.vigil.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.version.VersionRange.Verdict;

/**
 * The version half of both labelled devsets (../shared/matching-devset*, skipped with the reason when absent):
 * every expected pair's version leaf must let the device through (IN, ALL or UNKNOWN) and every "version outside
 * range" decoy must be OUT. The labels quote the leaf ("JSON lists 'Vue PACS' with range '<= 12.2.x.x'");
 * devices.csv has the device version. A release line in the product name ("IntelliSpace Portal 8.0.x") limits a
 * leaf that sets no limit itself, as the matching policy says.
 */
class VersionDevsetTest {

    private static final Pattern LEAF = Pattern.compile("JSON lists '(.*?)' with (?:version|range) '(.*?)'[;.,\\s]");
    private static final Pattern NAME_LINE = Pattern.compile("(?i)(?<![\\w.])v?(\\d+(?:\\.\\d+)*\\.x)(?![\\w.])");
    private static final Set<Verdict> LETS_THROUGH = Set.of(Verdict.IN, Verdict.ALL, Verdict.UNKNOWN);

    @Test
    void expectedPairsPassTheVersionCheckAndVersionDecoysDoNot() throws IOException {
        Path shared = locate();
        if (shared == null && Boolean.getBoolean("devset.required")) {
            fail("../shared/matching-devset is absent and -Ddevset.required=true (CI) needs it");
        }
        assumeTrue(shared != null, "../shared/matching-devset is absent: devset version check skipped");
        List<String> wrong = new ArrayList<>();
        for (String set : List.of("matching-devset", "matching-devset-2")) {
            Path dir = shared.resolve(set);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Map<String, String> versions = new HashMap<>();
            for (List<String> row : rows(dir.resolve("devices.csv"))) {
                versions.put(row.get(0), row.get(3));
            }
            int expected = 0;
            int decoys = 0;
            for (List<String> row : rows(dir.resolve("expected.csv"))) {
                expected++;
                check(set, row, versions, true, wrong);
            }
            for (List<String> row : rows(dir.resolve("decoys.csv"))) {
                if (row.get(2).contains("version outside range")) {
                    decoys++;
                    check(set, row, versions, false, wrong);
                }
            }
            System.out.printf("%s: %d expected pairs, %d version decoys checked%n", set, expected, decoys);
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(String set, List<String> row, Map<String, String> versions, boolean affected,
            List<String> wrong) {
        Matcher m = LEAF.matcher(row.get(2) + " ");
        if (!m.find()) {
            wrong.add(set + " " + row.get(0) + " " + row.get(1) + ": no version leaf quoted in the label");
            return;
        }
        String device = versions.get(row.get(0));
        Verdict v = verdict(m.group(1), m.group(2), device);
        if (affected ? !LETS_THROUGH.contains(v) : v != Verdict.OUT) {
            wrong.add(set + " " + row.get(0) + " " + row.get(1) + ": '" + m.group(2) + "' with '" + device + "' is "
                    + v);
        }
    }

    private static Verdict verdict(String product, String slot, String device) {
        Verdict v = VersionRange.parse(slot).test(device);
        Matcher line = NAME_LINE.matcher(product);
        return v == Verdict.ALL && line.find() ? VersionRange.parse(line.group(1)).test(device) : v;
    }

    /** -Ddevset.shared=DIR, else ../shared beside the clone (../../shared from a worktree); null when absent. */
    private static Path locate() {
        return Stream.of(System.getProperty("devset.shared"), "../shared", "../../shared").filter(Objects::nonNull)
                .map(Path::of).filter(p -> Files.isDirectory(p.resolve("matching-devset"))).findFirst().orElse(null);
    }

    /** The rows after the header; fields may be quoted with "" for a quote inside. */
    private static List<List<String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<List<String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            fields.add(cur.toString());
            out.add(fields);
        }
        return out;
    }
}
