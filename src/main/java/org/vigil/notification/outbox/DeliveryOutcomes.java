package org.vigil.notification.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.vigil.notification.NotificationConfig;
import org.vigil.notification.Subscription;
import org.vigil.notification.channel.SendResult;

/** Records what an attempt achieved: delivered, retried later with backoff, or DEAD. */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private final EntityManager em;
    private final NotificationConfig config;

    public DeliveryOutcomes(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Applies the result if {@code owner} still holds the claim; returns the new status, or null when the lease
     * was lost to another instance (that instance sends again, under the same webhook-id). The row is locked
     * while it is updated, so a concurrent re-claim waits and then sees the final status.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Delivery.Status record(UUID id, String owner, SendResult result, Instant now) {
        List<Delivery> held = em.createQuery("from Delivery d where d.id = :id and d.leaseOwner = :owner"
                        + " and d.status = :sending", Delivery.class)
                .setParameter("id", id).setParameter("owner", owner).setParameter("sending", Delivery.Status.SENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (held.isEmpty()) {
            LOG.warnf("Delivery %s: claim lost before its outcome (%s) was recorded", id, result.outcome());
            return null;
        }
        Delivery d = held.get(0);
        d.attempts++;
        d.lastStatusCode = result.statusCode();
        d.lastError = truncate(result.error());
        d.leaseOwner = null;
        d.leaseUntil = null;
        d.updatedAt = now;
        switch (result.outcome()) {
            case DELIVERED -> {
                d.status = Delivery.Status.DELIVERED;
                d.deliveredAt = now;
                d.nextAttemptAt = null;
            }
            case RETRY -> {
                if (d.kind == Delivery.Kind.TEST || d.attempts >= config.maxAttempts()) {
                    d.status = Delivery.Status.DEAD;
                    d.nextAttemptAt = null;
                } else {
                    d.status = Delivery.Status.PENDING;
                    d.nextAttemptAt = now.plus(Backoff.delay(d.attempts, config.backoffInitial(), config.backoffMax(),
                            result.retryAfter(), ThreadLocalRandom.current().nextDouble()));
                }
            }
            case FAILED -> {
                d.status = Delivery.Status.DEAD;
                d.nextAttemptAt = null;
            }
            case GONE -> {
                d.status = Delivery.Status.DEAD;
                d.nextAttemptAt = null;
                Subscription s = em.find(Subscription.class, d.subscriptionId);
                if (s != null) {
                    s.disable("receiver answered 410 Gone on " + now);
                    LOG.warnf("Subscription %s disabled: webhook answered 410 Gone", s.id);
                }
            }
        }
        LOG.infof("Delivery %s %s after attempt %d%s", d.id, d.status, d.attempts,
                d.lastError == null ? "" : ": " + d.lastError);
        return d.status;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
