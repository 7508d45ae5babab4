package org.vigil.notification.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <p>Claims are fair: one subscription contributes at most {@code vigil.notification.max-concurrent-per-host}
 * rows to a tick, oldest first, so a tenant with a backlog of thousands (a receiver that is down) cannot fill
 * every tick while other hospitals' fresh notifications wait behind it.
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
        this.postgres = org.vigil.db.Dialect.postgres(dbKind);
    }

    /**
     * Claims up to {@code limit} rows due at {@code now} for {@code owner} (at most
     * {@code max-concurrent-per-host} of one subscription), in its own short transaction.
     */
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

    /**
     * Extends the leases {@code owner} still holds on these rows (they wait for a free sender); returns the ids
     * it still holds, so a row another instance has taken over meanwhile is not sent a second time.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> renew(Collection<UUID> ids, String owner, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery("update Delivery d set d.leaseUntil = :until where d.id in :ids and d.leaseOwner = :owner"
                        + " and d.status = :sending")
                .setParameter("until", now.plus(config.lease())).setParameter("ids", ids).setParameter("owner", owner)
                .setParameter("sending", Delivery.Status.SENDING).executeUpdate();
        return em.createQuery("select d.id from Delivery d where d.id in :ids and d.leaseOwner = :owner"
                        + " and d.status = :sending", UUID.class)
                .setParameter("ids", ids).setParameter("owner", owner).setParameter("sending", Delivery.Status.SENDING)
                .getResultList();
    }

    /**
     * Gives a claimed row back unsent (its target already has its share of this tick): PENDING again, due at
     * {@code now}, so it queues behind the rows that were due before it; no attempt is counted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(UUID id, String owner, Instant now) {
        em.createQuery("update Delivery d set d.status = :pending, d.leaseOwner = null, d.leaseUntil = null,"
                        + " d.nextAttemptAt = :now where d.id = :id and d.leaseOwner = :owner and d.status = :sending")
                .setParameter("pending", Delivery.Status.PENDING)
                .setParameter("now", now.truncatedTo(java.time.temporal.ChronoUnit.MICROS)).setParameter("id", id)
                .setParameter("owner", owner).setParameter("sending", Delivery.Status.SENDING).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> candidates(Instant now, int limit) {
        // Oldest first, at most `share` per subscription: row_number() over the due rows of each subscription.
        String fair = "select id from (select id, row_number() over (partition by subscription_id"
                + " order by next_attempt_at, id) as rn from delivery where (status = 'PENDING' and next_attempt_at <= ?1)"
                + " or (status = 'SENDING' and lease_until < ?1)) due where rn <= ?2";
        // PostgreSQL refuses FOR UPDATE next to a window function, so the lock is taken one level up.
        String sql = "select id from delivery where id in (" + fair + ") order by next_attempt_at, id limit ?3"
                + (postgres ? " for update skip locked" : "");
        return em.createNativeQuery(sql, UUID.class).setParameter(1, now)
                .setParameter(2, Math.max(1, config.maxConcurrentPerHost())).setParameter(3, limit).getResultList();
    }
}
