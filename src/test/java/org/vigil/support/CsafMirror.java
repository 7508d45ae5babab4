package org.vigil.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vigil.ingest.cisa.csaf.CsafFixtures;

/**
 * Writes an offline CSAF directory mirror (changes.csv, index.txt, documents with .sha512 sidecars, no
 * signatures) that a separately started Vigil reads through a {@code file:} directory-url.
 */
public final class CsafMirror {

    private CsafMirror() {
    }

    /** One small advisory per id (the pump fixture: Beta Health Monitor, all versions affected); returns the directory. */
    public static Path write(Path dir, List<String> advisoryIds) throws IOException {
        List<String> changes = new ArrayList<>();
        List<String> index = new ArrayList<>();
        for (int i = 0; i < advisoryIds.size(); i++) {
            String id = advisoryIds.get(i);
            String released = String.format("2099-05-%02dT06:00:00.000000Z", i + 1);
            String file = id.toLowerCase() + ".json";
            String path = "2099/" + file;
            byte[] body = CsafFixtures.pump(id, "1", released).getBytes(StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("2099"));
            Files.write(dir.resolve(path), body);
            Files.writeString(dir.resolve(path + ".sha512"), sha512(body) + "  " + file);
            changes.add(0, "\"" + path + "\",\"" + released + "\"");   // changes.csv is newest first
            index.add(path);
        }
        Files.writeString(dir.resolve("changes.csv"), String.join("\n", changes) + "\n");
        Files.writeString(dir.resolve("index.txt"), String.join("\n", index) + "\n");
        return dir;
    }

    /**
     * The pump fixture for {@code id}, its "Beta Health Monitor" (all versions affected) sold by {@code vendor}, so
     * that each scenario of a test has advisories only its own devices match.
     */
    public static byte[] document(String id, String released, String vendor) {
        return CsafFixtures.pump(id, "1", released).replace("Beta Health", vendor).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha512(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
