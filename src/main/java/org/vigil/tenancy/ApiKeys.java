package org.vigil.tenancy;

import java.security.SecureRandom;
import java.util.Base64;
import org.vigil.digest.Sha256;

/**
 * Key material: 32 random bytes (256 bits) after a visible {@code vgl_} marker. A fast hash is right here
 * because the keys are random and long, not human passwords; slow hashing would only slow every request.
 */
public final class ApiKeys {

    public static final String MARKER = "vgl_";
    /** Characters of the key kept in clear for recognition: the marker plus 8 random characters. */
    public static final int PREFIX_LENGTH = MARKER.length() + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return Sha256.hex(key);
    }

    public static String prefix(String key) {
        return key.length() <= PREFIX_LENGTH ? key.substring(0, Math.min(4, key.length())) : key.substring(0, PREFIX_LENGTH);
    }
}
