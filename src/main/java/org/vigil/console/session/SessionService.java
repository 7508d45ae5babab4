package org.vigil.console.session;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.vigil.console.ConsoleConfig;
import org.vigil.digest.Sha256;
import org.vigil.tenancy.ApiKey;
import org.vigil.tenancy.ApiKeyService;

/**
 * Console sessions: a sign-in with an API key becomes a random cookie token whose hash is stored with the key.
 * Every request re-reads the key, so revoking it ends all of its sessions at once, on every instance.
 */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyService keys;
    private final ConsoleConfig config;

    public SessionService(ApiKeyService keys, ConsoleConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** A new session for this key value, or empty when no active key has it; the token goes into the cookie. */
    @Transactional
    public Optional<String> signIn(String apiKey) {
        Optional<ApiKey> key = keys.authenticate(apiKey == null ? "" : apiKey.strip());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ConsoleSession s = new ConsoleSession();
        s.tokenHash = Sha256.hex(token);
        s.apiKeyId = key.get().id;
        s.createdAt = Instant.now();
        s.lastSeenAt = s.createdAt;
        Panache.getEntityManager().persist(s);
        return Optional.of(token);
    }

    /** The key behind a cookie token while the session is neither idle too long nor its key revoked. */
    @Transactional
    public Optional<ApiKey> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        var em = Panache.getEntityManager();
        ConsoleSession s = em.find(ConsoleSession.class, Sha256.hex(token));
        Instant now = Instant.now();
        if (s == null || s.lastSeenAt.plus(config.sessionIdleTimeout()).isBefore(now)) {
            return Optional.empty();
        }
        ApiKey key = em.find(ApiKey.class, s.apiKeyId);
        if (key == null || key.revokedAt != null) {
            em.remove(s);
            return Optional.empty();
        }
        if (s.lastSeenAt.plus(TOUCH_EVERY).isBefore(now)) {
            s.lastSeenAt = now;
        }
        return Optional.of(key);
    }

    /** Ends the session of this token (sign-out); unknown tokens are ignored. */
    @Transactional
    public void signOut(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            Panache.getEntityManager().createQuery("delete from ConsoleSession s where s.tokenHash = :h")
                    .setParameter("h", Sha256.hex(token)).executeUpdate();
        }
    }

    /** Removes sessions idle past the timeout, so the table holds only live ones. */
    @Scheduled(identity = "console-session-purge", every = "1h", delayed = "5m")
    @Transactional
    void purgeIdle() {
        Panache.getEntityManager().createQuery("delete from ConsoleSession s where s.lastSeenAt < :cutoff")
                .setParameter("cutoff", Instant.now().minus(config.sessionIdleTimeout())).executeUpdate();
    }
}
