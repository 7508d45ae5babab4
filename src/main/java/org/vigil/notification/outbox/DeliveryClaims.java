package org.vigil.notification.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vigil.notification.NotificationConfig;

/**
 * Claims due deliveries for one dispatcher instance so that no two instances send the same row at once.
 *
 * <p>Every claim is a conditional UPDATE (status PENDING and due, or SENDING with an expired lease) that sets
 * owner and lease: on any database only one transaction can win it, because the second one re-checks the
 * condition after the first commits. On PostgreSQL the candidates are first selected with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent instances take different rows instead of queueing on the
 * same ones. A claim whose instance died simply expires and is re-claimed: delivery is at-least-once, and the
 * {@code webhook-id} (the delivery id) lets receivers drop the rare duplicate.
 */
@ApplicationScoped
public class DeliveryClaims {

    private final EntityManager em;
    private final NotificationConfig config;
    private final boolean postgres;

    public DeliveryClaims(EntityManager em, NotificationConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.config = config;
        this.postgres = dbKind.toLowerCase().startsWith("postgres");
    }

    /** Claims up to {@code limit} rows due at {@code now} for {@code owner}, in its own short transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> claim(String owner, Instant now, int limit) {
        List<UUID> won = new ArrayList<>();
        Instant until = now.plus(config.lease());
        for (UUID id : candidates(now, limit)) {
            int updated = em.createQuery("update Delivery d set d.status = :sending, d.leaseOwner = :owner,"
                            + " d.leaseUntil = :until, d.updatedAt = :now where d.id = :id and"
                            + " ((d.status = :pending and d.nextAttemptAt <= :now) or (d.status = :sending and d.leaseUntil < :now))")
                    .setParameter("sending", Delivery.Status.SENDING).setParameter("pending", Delivery.Status.PENDING)
                    .setParameter("owner", owner).setParameter("until", until).setParameter("now", now)
                    .setParameter("id", id).executeUpdate();
            if (updated == 1) {
                won.add(id);
            }
        }
        return won;
    }

    /**
     * Claims one row now if it is not being sent, for the synchronous test endpoint; false when another
     * instance holds it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claimOne(UUID id, String owner, Instant now) {
        return em.createQuery("update Delivery d set d.status = :sending, d.leaseOwner = :owner, d.leaseUntil = :until,"
                        + " d.updatedAt = :now where d.id = :id and d.status = :pending")
                .setParameter("sending", Delivery.Status.SENDING).setParameter("pending", Delivery.Status.PENDING)
                .setParameter("owner", owner).setParameter("until", now.plus(config.lease()))
                .setParameter("now", now).setParameter("id", id).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> candidates(Instant now, int limit) {
        if (postgres) {
            return em.createNativeQuery("select id from delivery where (status = 'PENDING' and next_attempt_at <= ?1)"
                            + " or (status = 'SENDING' and lease_until < ?1) order by next_attempt_at limit ?2"
                            + " for update skip locked", UUID.class)
                    .setParameter(1, now).setParameter(2, limit).getResultList();
        }
        return em.createQuery("select d.id from Delivery d where (d.status = :pending and d.nextAttemptAt <= :now)"
                        + " or (d.status = :sending and d.leaseUntil < :now) order by d.nextAttemptAt", UUID.class)
                .setParameter("pending", Delivery.Status.PENDING).setParameter("sending", Delivery.Status.SENDING)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
