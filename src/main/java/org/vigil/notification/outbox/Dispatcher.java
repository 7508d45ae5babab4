package org.vigil.notification.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.vigil.advisory.Json;
import org.vigil.notification.NotificationConfig;
import org.vigil.notification.SecretBox;
import org.vigil.notification.Subscription;
import org.vigil.notification.channel.EmailSender;
import org.vigil.notification.channel.Notice;
import org.vigil.notification.channel.SendResult;
import org.vigil.notification.channel.WebhookPayload;
import org.vigil.notification.channel.WebhookSender;

/**
 * Delivers the outbox: closes due digest periods, claims due rows, sends them through their channels outside any
 * transaction, and records the outcomes. Safe to run on several instances at once (see {@link DeliveryClaims}).
 *
 * <p>One tick sends in parallel ({@code max-concurrent-sends}) and gives each webhook target (scheme, host, port)
 * at most {@code max-concurrent-per-host} requests; rows beyond that go back to the queue for the next tick. So a
 * tick lasts about one webhook timeout however many deliveries a slow receiver has, and a receiver that never
 * answers delays only its own subscriptions.
 */
@ApplicationScoped
public class Dispatcher {

    /** This instance's claim owner; distinct per JVM even on one host. */
    public static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryClaims claims;
    private final DeliveryOutcomes outcomes;
    private final DigestService digests;
    private final NoticeComposer composer;
    private final EmailSender email;
    private final WebhookSender webhook;
    private final EntityManager em;
    private final NotificationConfig config;
    private final SecretBox secrets;
    private final SendPool pool;

    public Dispatcher(DeliveryClaims claims, DeliveryOutcomes outcomes, DigestService digests, NoticeComposer composer,
            EmailSender email, WebhookSender webhook, EntityManager em, NotificationConfig config, SecretBox secrets) {
        this.secrets = secrets;
        this.claims = claims;
        this.outcomes = outcomes;
        this.digests = digests;
        this.composer = composer;
        this.email = email;
        this.webhook = webhook;
        this.em = em;
        this.config = config;
        this.pool = new SendPool(config.maxConcurrentSends());
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    /** One dispatcher pass as {@code owner} at {@code now}; returns how many deliveries it attempted. */
    public int dispatchDue(String owner, Instant now) {
        try {
            digests.closeDue(now);
        } catch (RuntimeException e) {
            // Each digest is closed on its own and records its own failure; this is the listing itself failing.
            LOG.error("Digest periods could not be listed; deliveries go on", e);
        }
        Map<UUID, Prepared> admitted = admit(claims.claim(owner, now, config.batchSize()), owner, now);
        int[] delivered = {0};
        pool.runAll(new ArrayList<>(admitted.keySet()), id -> {
            if (claims.renew(List.of(id), owner, Instant.now()).isEmpty()) {
                return;   // another instance took the row over while it waited: it sends it
            }
            if (sendAndRecord(id, owner, admitted.get(id)) == Delivery.Status.DELIVERED) {
                synchronized (delivered) {
                    delivered[0]++;
                }
            }
        }, config.lease().dividedBy(3), waiting -> claims.renew(waiting, owner, Instant.now()));
        if (!admitted.isEmpty()) {
            LOG.infof("Dispatched %d deliveries: %d delivered", admitted.size(), delivered[0]);
        }
        return admitted.size();
    }

    /** Prepares the claimed rows; a webhook target past its share of this tick gets its rows back in the queue. */
    private Map<UUID, Prepared> admit(List<UUID> claimed, String owner, Instant now) {
        Map<UUID, Prepared> admitted = new java.util.LinkedHashMap<>();
        Map<String, Integer> perTarget = new HashMap<>();
        for (UUID id : claimed) {
            Prepared p = prepareSafely(id);
            String target = p.target();
            if (target != null && perTarget.merge(target, 1, Integer::sum) > config.maxConcurrentPerHost()) {
                claims.release(id, owner, now);
            } else {
                admitted.put(id, p);
            }
        }
        return admitted;
    }

    /** Sends one delivery that {@code owner} has claimed and records the outcome (null if the claim was lost). */
    public Delivery.Status deliver(UUID id, String owner) {
        return sendAndRecord(id, owner, prepareSafely(id));
    }

    private Delivery.Status sendAndRecord(UUID id, String owner, Prepared p) {
        MDC.put("delivery", id.toString());
        try {
            SendResult result = p.refusal() != null ? p.refusal() : send(p);
            return outcomes.record(id, owner, result, Instant.now());
        } finally {
            MDC.remove("delivery");
        }
    }

    private Prepared prepareSafely(UUID id) {
        MDC.put("delivery", id.toString());
        try {
            return QuarkusTransaction.requiringNew().call(() -> prepare(id));
        } catch (RuntimeException e) {
            // A bug in rendering must not lose the notification: it stays visible and is retried.
            LOG.error("Delivery could not be prepared", e);
            // IllegalStateException carries an operator-facing reason (e.g. the secret key is missing).
            return Prepared.refused(SendResult.retry(null, e instanceof IllegalStateException ? e.getMessage()
                    : "internal error while preparing; see the server log", null));
        } finally {
            MDC.remove("delivery");
        }
    }

    private SendResult send(Prepared p) {
        if (p.channel() == Subscription.Channel.EMAIL) {
            return email.send(p.notice(), p.emails());
        }
        return webhook.send(p.url(), p.secret(), p.notice().deliveryId().toString(),
                Json.write(WebhookPayload.of(p.notice())));
    }

    private Prepared prepare(UUID id) {
        Delivery d = em.find(Delivery.class, id);
        Subscription s = d == null ? null : em.find(Subscription.class, d.subscriptionId);
        if (s == null) {
            return Prepared.refused(SendResult.failed(null, "subscription deleted"));
        }
        if (!s.enabled) {
            return Prepared.refused(SendResult.failed(null, "subscription disabled: " + s.disabledReason));
        }
        Notice notice = composer.compose(d);
        return new Prepared(s.channel, s.emailAddresses(), s.webhookUrl, secrets.open(s.webhookSecret), notice, null);
    }

    private record Prepared(Subscription.Channel channel, List<String> emails, String url, String secret, Notice notice,
            SendResult refusal) {
        static Prepared refused(SendResult r) {
            return new Prepared(null, null, null, null, null, r);
        }

        /** The webhook origin this delivery calls, or null (email goes to the operator's own relay). */
        String target() {
            if (refusal != null || channel != Subscription.Channel.WEBHOOK) {
                return null;
            }
            try {
                URI u = URI.create(url);
                return (u.getScheme() + "://" + u.getHost() + ":" + u.getPort()).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return url;
            }
        }

        @Override
        public String toString() {
            return "Prepared[" + channel + "]";  // never print the secret
        }
    }
}
