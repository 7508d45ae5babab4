package org.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.vigil.ingest.cisa.csaf.CsafFixtures;

/**
 * An offline CSAF directory in the benchmark's temp directory: the entries of the shared corpus linked (not copied),
 * plus {@code 2099/} for advisories the benchmark publishes while Vigil runs, listed in {@code bench-index.txt}.
 * Without the corpus the directory holds only the benchmark's own advisories.
 */
final class BenchMirror {

    private final Path dir;
    private final Path corpus;

    private BenchMirror(Path dir, Path corpus) {
        this.dir = dir;
        this.corpus = corpus;
    }

    static BenchMirror create(Path work, Path corpus) throws IOException {
        Path dir = Files.createDirectories(work.resolve("csaf-mirror"));
        if (corpus != null) {
            try (Stream<Path> entries = Files.list(corpus)) {
                for (Path entry : entries.toList()) {
                    Files.createSymbolicLink(dir.resolve(entry.getFileName().toString()), entry);
                }
            }
        } else {
            Files.writeString(dir.resolve("changes.csv"), "");
            Files.writeString(dir.resolve("index.txt"), "");
        }
        Files.createDirectories(dir.resolve("2099"));
        Files.writeString(dir.resolve("bench-index.txt"), "");
        return new BenchMirror(dir, corpus);
    }

    /** The environment that points the cisa-csaf source at this mirror. */
    java.util.Map<String, String> env(String prefixes) {
        List<String> indexes = new ArrayList<>();
        if (corpus != null && Files.exists(corpus.resolve("upstream-2026/index.txt"))) {
            indexes.add(dir.resolve("upstream-2026/index.txt").toUri().toString());
        }
        indexes.add(dir.resolve("bench-index.txt").toUri().toString());
        return java.util.Map.of("VIGIL_SOURCES_CISA_CSAF_DIRECTORY_URL", dir.toUri().toString(),
                "VIGIL_SOURCES_CISA_CSAF_ADDITIONAL_INDEX_URLS", String.join(",", indexes),
                "VIGIL_SOURCES_CISA_CSAF_ID_PREFIXES", prefixes);
    }

    /**
     * Publishes an advisory for Philips IntelliVue MX450 (before L.00) and MX800 (all versions), models most
     * synthetic hospitals own (the same products as MatchingBenchmark's "common model" advisory).
     */
    void publishCommonModel(String id, String released) throws IOException {
        String doc = CsafFixtures.pump(id, "1", released)
                .replace("Acme Medical  Alaris Pump Module: <=12.1.3", "Philips IntelliVue MX450: <L.00")
                .replace("\"name\": \"<=12.1.3\"", "\"name\": \"<L.00\"")
                .replace("Beta Health Monitor: vers:all/*", "Philips IntelliVue MX800: vers:all/*")
                .replace("\" Beta Health\"", "\"Philips\"")
                .replace("\"name\": \"Monitor\"", "\"name\": \"IntelliVue MX800\"")
                .replace("\"name\": \"Alaris Pump Module\"", "\"name\": \"IntelliVue MX450\"")
                .replace("\"Acme Medical \"", "\"Philips\"");
        publish(id, doc);
    }

    private void publish(String id, String doc) throws IOException {
        String path = "2099/" + id.toLowerCase() + ".json";
        byte[] body = doc.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(path), body);
        Files.writeString(dir.resolve(path + ".sha512"), sha512(body) + "  " + id.toLowerCase() + ".json");
        Files.writeString(dir.resolve("bench-index.txt"), path + "\n", StandardOpenOption.APPEND);
    }

    /** The JSON files of the corpus this prefix list selects (for the bare Jackson parse the ingest is compared with). */
    List<Path> corpusDocuments(List<String> prefixes) throws IOException {
        if (corpus == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.toString().endsWith(".json")).filter(p -> prefixes.stream()
                    .anyMatch(x -> p.getFileName().toString().toUpperCase().startsWith(x + "-"))).sorted().toList();
        }
    }

    private static String sha512(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
