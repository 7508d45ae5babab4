package org.vigil.notification.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vigil.notification.DigestSchedule;
import org.vigil.notification.Subscription;
import org.vigil.notification.SubscriptionRepository;

/**
 * Closes daily digest periods: the events a DAILY_DIGEST subscription queued become one DIGEST delivery (or,
 * with heartbeat, an empty one), which the dispatcher then sends like any other.
 */
@ApplicationScoped
public class DigestService {

    private static final Logger LOG = Logger.getLogger(DigestService.class);
    private static final Duration RETRY_FAILED_CLOSE = Duration.ofHours(1);

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final EntityManager em;

    public DigestService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, EntityManager em) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.em = em;
    }

    /**
     * Closes every period that ended by {@code now}, each in its own transaction; returns digests written. One
     * subscription that cannot be closed records why on itself (shown as {@code lastError}), is tried again an
     * hour later, and holds up no one else; its queued events stay queued.
     */
    public int closeDue(Instant now) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() ->
                subscriptions.digestsDue(now).stream().map(s -> s.id).toList());
        int written = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> close(id, now))) {
                    written++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Digest of subscription %s could not be closed", id);
                QuarkusTransaction.requiringNew().run(() -> failed(id, e, now));
            }
        }
        return written;
    }

    private void failed(UUID subscriptionId, RuntimeException e, Instant now) {
        Subscription s = em.find(Subscription.class, subscriptionId);
        if (s != null) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            s.recordError("daily digest could not be closed: " + why, now);
            s.nextDigestAt = now.plus(RETRY_FAILED_CLOSE);
        }
    }

    private boolean close(UUID subscriptionId, Instant now) {
        Subscription s = em.find(Subscription.class, subscriptionId);
        if (s == null || !s.enabled || s.nextDigestAt == null || s.nextDigestAt.isAfter(now)) {
            return false;
        }
        ZoneId zone = zoneOf(s, now);
        Instant periodEnd = s.nextDigestAt;
        Instant next = DigestSchedule.nextAfter(now, s.digestHour, zone);
        // Only one instance may close a period: the one whose conditional update moves the schedule on.
        int won = em.createQuery("update Subscription s set s.nextDigestAt = :next where s.id = :id and s.nextDigestAt = :end")
                .setParameter("next", next).setParameter("id", s.id).setParameter("end", periodEnd).executeUpdate();
        if (won == 0) {
            return false;
        }
        List<Delivery> queued = deliveries.queuedFor(s.id);
        if (queued.isEmpty() && !s.heartbeat) {
            return false;
        }
        String key = "digest|" + s.id + "|" + periodEnd;
        Delivery digest = Delivery.create(s.hospitalId, s.id, Delivery.Kind.DIGEST, key, key, Delivery.Status.PENDING, now);
        digest.periodStart = periodEnd.atZone(zone).minusDays(1).toInstant();
        digest.periodEnd = periodEnd;
        deliveries.persist(digest);
        deliveries.flush();
        for (Delivery q : queued) {
            em.createQuery("update Delivery d set d.status = :digested, d.digestId = :digest, d.updatedAt = :now"
                            + " where d.id = :id and d.status = :queued")
                    .setParameter("digested", Delivery.Status.DIGESTED).setParameter("digest", digest.id)
                    .setParameter("now", now).setParameter("id", q.id).setParameter("queued", Delivery.Status.QUEUED)
                    .executeUpdate();
        }
        return true;
    }

    /**
     * The subscription's zone; one the JDK no longer knows (zones are renamed with tzdata updates, and a row may
     * have been edited by hand) falls back to UTC, so the digest still goes out, and the subscription says why.
     */
    private static ZoneId zoneOf(Subscription s, Instant now) {
        try {
            return ZoneId.of(s.digestZone);
        } catch (DateTimeException e) {
            s.recordError("time zone '" + s.digestZone + "' is not known: digests close at " + s.digestHour
                    + ":00 UTC instead", now);
            return ZoneOffset.UTC;
        }
    }
}
