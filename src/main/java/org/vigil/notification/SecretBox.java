package org.vigil.notification;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps webhook signing secrets encrypted at rest (AES-256-GCM) when {@code vigil.notification.secret-key} is set;
 * without a key they are stored as given. Secrets must stay recoverable to sign, so hashing is not an option.
 * Built at startup, so a malformed key stops the service before it serves anything instead of failing every
 * webhook delivery later.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    static final String PREFIX = "enc:v1:";
    /** The startup refusal; never quotes the key. */
    static final String MALFORMED = "vigil.notification.secret-key must be 32 random bytes, base64-encoded"
            + " (e.g. openssl rand -base64 32)";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    @Inject
    public SecretBox(NotificationConfig config) {
        this(config.secretKey());
    }

    SecretBox(Optional<String> base64Key) {
        this.key = base64Key.filter(k -> !k.isBlank()).map(k -> {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(k.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(MALFORMED + " (it is not valid base64)");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException(MALFORMED + " (it decodes to " + raw.length + " bytes)");
            }
            return new SecretKeySpec(raw, "AES");
        });
    }

    /** The value to store for {@code secret}. */
    public String seal(String secret) {
        if (key.isEmpty()) {
            return secret;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret behind a stored value (stored plain values, from before a key was set, pass through). */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("webhook secret is encrypted but vigil.notification.secret-key is not set");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("webhook secret cannot be decrypted with the configured key", e);
        }
    }
}
