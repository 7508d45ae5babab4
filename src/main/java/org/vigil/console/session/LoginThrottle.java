package org.vigil.console.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.console.ConsoleConfig;

/**
 * Slows down guessing: after a few failed sign-ins from one address, each further attempt must wait, and the
 * wait doubles per failure. Kept in memory per instance, which is enough to make guessing 256-bit keys pointless
 * and to keep a script from hammering the key lookup; a success clears the address.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bound on remembered addresses, so a flood of spoofed sources cannot grow the map without limit. */
    private static final int MAX_ADDRESSES = 10_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final ConsoleConfig config;

    public LoginThrottle(ConsoleConfig config) {
        this.config = config;
    }

    /** How long this address must still wait before it may try again; zero when it may try now. */
    public Duration waitFor(String address, Instant now) {
        Failures f = byAddress.get(address);
        if (f == null || f.blockedUntil() == null || !f.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.blockedUntil());
    }

    public void failed(String address, Instant now) {
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        byAddress.compute(address, (a, f) -> {
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            int over = count - config.loginFailuresBeforeDelay();
            Instant blocked = null;
            if (over > 0) {
                long seconds = Math.min(config.loginDelayMax().toSeconds(), 1L << Math.min(over - 1, 20));
                blocked = now.plusSeconds(seconds);
            }
            return new Failures(count, now, blocked);
        });
    }

    public void succeeded(String address) {
        byAddress.remove(address);
    }
}
