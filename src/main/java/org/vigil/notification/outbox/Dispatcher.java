package org.vigil.notification.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
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
 * Delivers the outbox: closes due digest periods, claims due rows, sends each through its channel outside any
 * transaction, and records the outcome. Safe to run on several instances at once (see {@link DeliveryClaims}).
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
    }

    /** One dispatcher pass as {@code owner} at {@code now}; returns how many deliveries it attempted. */
    public int dispatchDue(String owner, Instant now) {
        digests.closeDue(now);
        List<UUID> claimed = claims.claim(owner, now, config.batchSize());
        int delivered = 0;
        for (UUID id : claimed) {
            if (deliver(id, owner) == Delivery.Status.DELIVERED) {
                delivered++;
            }
        }
        if (!claimed.isEmpty()) {
            LOG.infof("Dispatched %d deliveries: %d delivered", claimed.size(), delivered);
        }
        return claimed.size();
    }

    /** Sends one delivery that {@code owner} has claimed and records the outcome (null if the claim was lost). */
    public Delivery.Status deliver(UUID id, String owner) {
        MDC.put("delivery", id.toString());
        try {
            SendResult result;
            try {
                Prepared p = QuarkusTransaction.requiringNew().call(() -> prepare(id));
                result = p.refusal() != null ? p.refusal() : send(p);
            } catch (RuntimeException e) {
                // A bug in rendering must not lose the notification: it stays visible and is retried.
                LOG.error("Delivery could not be prepared", e);
                // IllegalStateException carries an operator-facing reason (e.g. the secret key is missing).
                result = SendResult.retry(null, e instanceof IllegalStateException ? e.getMessage()
                        : "internal error while preparing; see the server log", null);
            }
            return outcomes.record(id, owner, result, Instant.now());
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

        @Override
        public String toString() {
            return "Prepared[" + channel + "]";  // never print the secret
        }
    }
}
