package org.vigil.matching.generated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} (beside the clone, {@code ../../shared} from a worktree, or {@code -Ddevset.shared=DIR}) for
 * the generated checks, which skip with the reason when it is absent, or fail with {@code -Ddevset.required=true}
 * (CI always has shared/), as the devset check does.
 */
final class SharedCorpus {

    static final String ICSMA = "corpus/cisa-csaf/OT/white";
    static final String OPENFDA_REAL = "corpus/openfda/real/device-enforcement.real.json";

    private SharedCorpus() {
    }

    /** The shared directory holding every one of {@code needed}; skips (or fails when required) otherwise. */
    static Path require(String check, String... needed) {
        String configured = System.getProperty("devset.shared");
        for (String p : configured != null ? List.of(configured) : List.of("../shared", "../../shared")) {
            Path root = Path.of(p);
            if (Stream.of(needed).allMatch(n -> Files.exists(root.resolve(n)))) {
                return root;
            }
        }
        String why = "../shared/" + String.join(" and ../shared/", needed) + " absent: " + check;
        if (Boolean.getBoolean("devset.required")) {
            Assertions.fail(why + " cannot run, and -Ddevset.required=true (CI) needs it");
        }
        Assumptions.assumeTrue(false, why + " skipped (needs shared/ beside the clone)");
        return null;
    }

    /** Every ICSMA document of the corpus, all years, in path order. */
    static List<Path> icsmaDocuments(Path shared) throws IOException {
        try (Stream<Path> s = Files.walk(shared.resolve(ICSMA))) {
            return s.filter(p -> p.getFileName().toString().matches("icsma-.*\\.json")).sorted().toList();
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
