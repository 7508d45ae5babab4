package org.vigil.ingest.cisa.csaf;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shared corpus ({@code ../shared/corpus/cisa-csaf}, NOT part of the repository) read as an offline CSAF mirror:
 * {@code file:} directory OT/white, no public key (allow-unverified; hashes are still checked), the newer upstream
 * index.txt honoured as an additional index (the old changes.csv/index.txt stop at 2025-02-27), and listed
 * documents the mirror does not carry skipped and counted (the corpus keeps only some years of ICSA).
 */
final class CorpusProfiles {

    private CorpusProfiles() {
    }

    /** The corpus directory, from -Dvigil.corpus or relative to the repository (main checkout or a worktree). */
    static Optional<Path> corpus() {
        return Stream.of(System.getProperty("vigil.corpus"), "../shared/corpus/cisa-csaf", "../../shared/corpus/cisa-csaf")
                .filter(p -> p != null && Files.isDirectory(Path.of(p, "OT", "white")))
                .map(p -> Path.of(p).toAbsolutePath().normalize()).findFirst();
    }

    static Map<String, String> config(String prefixes) {
        Path root = corpus().orElse(Path.of("/nonexistent-corpus"));
        Path dir = root.resolve("OT/white");
        return Map.of(
                "vigil.sources.cisa-kev.url", root.resolve("../cisa-kev/known_exploited_vulnerabilities.json").normalize().toUri().toString(),
                "vigil.sources.cisa-csaf.directory-url", dir.toUri().toString(),
                "vigil.sources.cisa-csaf.additional-index-urls", dir.resolve("upstream-2026/index.txt").toUri().toString(),
                "vigil.sources.cisa-csaf.verification", "allow-unverified",
                "vigil.sources.cisa-csaf.skip-missing-documents", "true",
                "vigil.sources.cisa-csaf.id-prefixes", prefixes,
                "quarkus.log.category.\"co.arjuna\".level", "ERROR");
    }

    public static class Medical implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return config("ICSMA");
        }
    }

    public static class AllOt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return config("ICSMA,ICSA");
        }
    }
}
