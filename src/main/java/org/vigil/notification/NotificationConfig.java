package org.vigil.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Notification delivery settings ({@code vigil.notification.*}); docs/configuration.md has the table. */
@ConfigMapping(prefix = "vigil.notification")
public interface NotificationConfig {

    /** How often the dispatcher looks for due deliveries and digests (a Quartz interval; "off" disables it). */
    @WithDefault("10s")
    String dispatchEvery();

    /** Most deliveries one dispatcher tick claims. */
    @WithDefault("50")
    int batchSize();

    /** Most deliveries sent at the same time by one instance (each webhook or SMTP session holds one). */
    @WithDefault("16")
    int maxConcurrentSends();

    /**
     * Most webhook requests to one target (scheme, host and port) in one dispatcher tick, sent in parallel; also
     * the most deliveries of one subscription a tick claims. The rest wait for the next tick, so a receiver that
     * is slow or never answers costs its own subscriptions one timeout per tick and delays no one else.
     */
    @WithDefault("4")
    int maxConcurrentPerHost();

    /**
     * How long a claimed delivery belongs to its instance; after that another instance may re-claim it. The
     * dispatcher renews the leases of claimed rows while they wait to be sent, so it only has to outlast one send.
     */
    @WithDefault("2M")
    Duration lease();

    /** Attempts before a delivery is DEAD; with the default backoff 13 attempts span about 26 hours. */
    @WithDefault("13")
    int maxAttempts();

    /** Wait before the second attempt; each further wait doubles (with ±20% jitter). */
    @WithDefault("1M")
    Duration backoffInitial();

    /** Longest wait between two attempts (also the cap for a Retry-After the receiver asks for). */
    @WithDefault("6H")
    Duration backoffMax();

    /** TCP connect timeout for webhook calls. */
    @WithDefault("5S")
    Duration webhookConnectTimeout();

    /** Whole-request timeout for webhook calls (no response within it counts as a network error). */
    @WithDefault("15S")
    Duration webhookTimeout();

    /** Public base URL of this Vigil, for links in emails and payloads. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * Base64 of 32 random bytes: webhook secrets are then stored AES-256-GCM encrypted. Unset: stored as given.
     * Keep it stable; secrets sealed with a lost key cannot be recovered (recreate those subscriptions).
     */
    Optional<String> secretKey();

    /** Sender address of notification emails; defaults to quarkus.mailer.from when that is set. */
    @WithDefault("${quarkus.mailer.from:vigil@localhost}")
    String mailFrom();
}
