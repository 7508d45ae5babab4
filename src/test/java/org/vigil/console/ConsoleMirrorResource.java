package org.vigil.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * An offline CSAF mirror (index.txt, changes.csv, the document and its .sha512) holding the Contec CMS8000
 * advisory, read by the real cisa-csaf source through a {@code file:} directory-url. Webhooks may target this
 * machine so a subscription can be created without a public receiver.
 */
public class ConsoleMirrorResource implements QuarkusTestResourceLifecycleManager {

    static final String ADVISORY = "ICSMA-25-030-01";

    private Path dir;

    @Override
    public Map<String, String> start() {
        try (InputStream in = ConsoleMirrorResource.class.getResourceAsStream("/console/icsma-25-030-01.json")) {
            byte[] body = in.readAllBytes();
            dir = Files.createTempDirectory("vigil-console-mirror");
            Files.createDirectories(dir.resolve("2025"));
            Files.write(dir.resolve("2025/icsma-25-030-01.json"), body);
            Files.writeString(dir.resolve("2025/icsma-25-030-01.json.sha512"),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body)) + "  icsma-25-030-01.json");
            Files.writeString(dir.resolve("index.txt"), "2025/icsma-25-030-01.json\n");
            Files.writeString(dir.resolve("changes.csv"), "\"2025/icsma-25-030-01.json\",\"2025-01-30T07:00:00.000000Z\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "vigil.sources.cisa-csaf.directory-url", dir.toUri().toString(),
                "vigil.sources.cisa-csaf.verification", "allow-unverified",
                "vigil.webhooks.allow-private-targets", "true",
                "vigil.webhooks.allow-http", "true");
    }

    @Override
    public void stop() {
        // The directory is small and under the system temp folder; leaving it helps when a run needs looking into.
    }
}
