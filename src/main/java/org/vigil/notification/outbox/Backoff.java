package org.vigil.notification.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Retry timing: exponential backoff with jitter, honouring the receiver's Retry-After. Pure. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The wait after the {@code attempt}-th failed attempt (1-based): initial × 2^(attempt-1), capped at
     * {@code max}, times a jitter factor in [0.8, 1.2) so many receivers failing together do not retry in step.
     * A longer Retry-After wins (still capped at {@code max}).
     *
     * @param random a number in [0, 1)
     */
    public static Duration delay(int attempt, Duration initial, Duration max, Duration retryAfter, double random) {
        long base = initial.toMillis() << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        long jittered = Math.round(capped * (0.8 + 0.4 * random));
        if (retryAfter != null && retryAfter.toMillis() > jittered) {
            jittered = retryAfter.toMillis();
        }
        return Duration.ofMillis(Math.min(jittered, max.toMillis()));
    }

    /** Total time the first {@code attempts} attempts can span without jitter, for documenting the default. */
    public static Duration span(int attempts, Duration initial, Duration max) {
        Duration total = Duration.ZERO;
        for (int i = 1; i < attempts; i++) {
            total = total.plus(delay(i, initial, max, null, 0.5));
        }
        return total;
    }

    /** Parses Retry-After: delta-seconds or an HTTP-date; null when absent or unreadable. */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
