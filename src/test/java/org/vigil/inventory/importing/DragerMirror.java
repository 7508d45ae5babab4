package org.vigil.inventory.importing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An offline CSAF directory mirror (index.txt, changes.csv, the document and its .sha512) holding a small copy of
 * ICSMA-19-022-01 (Dräger Infinity Delta, all versions), read through a {@code file:} directory-url.
 */
public class DragerMirror implements QuarkusTestResourceLifecycleManager {

    private Path dir;

    @Override
    public Map<String, String> start() {
        try (InputStream in = DragerMirror.class.getResourceAsStream("/csaf/icsma-19-022-01-small.json")) {
            byte[] doc = in.readAllBytes();
            dir = Files.createTempDirectory("vigil-csaf-mirror");
            Files.createDirectories(dir.resolve("2019"));
            Files.write(dir.resolve("2019/icsma-19-022-01.json"), doc);
            Files.writeString(dir.resolve("2019/icsma-19-022-01.json.sha512"),
                    sha512(doc) + "  icsma-19-022-01.json");
            Files.writeString(dir.resolve("index.txt"), "2019/icsma-19-022-01.json\n");
            Files.writeString(dir.resolve("changes.csv"), "\"2019/icsma-19-022-01.json\",\"2019-01-22T00:00:00+00:00\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("vigil.sources.cisa-csaf.directory-url", dir.toUri().toString(),
                "vigil.sources.cisa-csaf.verification", "allow-unverified");
    }

    private static String sha512(byte[] doc) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(doc));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}
