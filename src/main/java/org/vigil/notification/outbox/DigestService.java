package org.vigil.notification.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.vigil.notification.DigestSchedule;
import org.vigil.notification.Subscription;
import org.vigil.notification.SubscriptionRepository;

/**
 * Closes daily digest periods: the events a DAILY_DIGEST subscription queued become one DIGEST delivery (or,
 * with heartbeat, an empty one), which the dispatcher then sends like any other.
 */
@ApplicationScoped
public class DigestService {

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final EntityManager em;

    public DigestService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, EntityManager em) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.em = em;
    }

    /** Closes every period that ended by {@code now}, each in its own transaction; returns digests written. */
    public int closeDue(Instant now) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() ->
                subscriptions.digestsDue(now).stream().map(s -> s.id).toList());
        int written = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> close(id, now))) {
                written++;
            }
        }
        return written;
    }

    private boolean close(UUID subscriptionId, Instant now) {
        Subscription s = em.find(Subscription.class, subscriptionId);
        if (s == null || !s.enabled || s.nextDigestAt == null || s.nextDigestAt.isAfter(now)) {
            return false;
        }
        ZoneId zone = ZoneId.of(s.digestZone);
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
}
