package org.vigil.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The lease that keeps two runs of one source apart, also across instances on one database: a conditional
 * UPDATE that only one writer can win. A crashed run's lease simply expires.
 */
@ApplicationScoped
public class SourceLeases {

    private final EntityManager em;
    private final IngestConfig config;

    public SourceLeases(EntityManager em, IngestConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Tries to take the lease; true when this owner holds it now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String source, String owner) {
        ensureRow(source);
        Instant now = Instant.now();
        int won = em.createQuery("update SourceState s set s.leaseOwner = :owner, s.leaseUntil = :until"
                        + " where s.source = :source and (s.leaseUntil is null or s.leaseUntil < :now or s.leaseOwner = :owner)")
                .setParameter("owner", owner).setParameter("until", now.plus(config.leaseDuration()))
                .setParameter("source", source).setParameter("now", now).executeUpdate();
        return won == 1;
    }

    /** How often a running ingest renews its lease: a quarter of the lease, so a slow item never loses it. */
    public java.time.Duration renewEvery() {
        return config.leaseDuration().dividedBy(4);
    }

    @Transactional
    public void renew(String source, String owner) {
        em.createQuery("update SourceState s set s.leaseUntil = :until where s.source = :source and s.leaseOwner = :owner")
                .setParameter("until", Instant.now().plus(config.leaseDuration()))
                .setParameter("source", source).setParameter("owner", owner).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String source, String owner) {
        em.createQuery("update SourceState s set s.leaseOwner = null, s.leaseUntil = null"
                        + " where s.source = :source and s.leaseOwner = :owner")
                .setParameter("source", source).setParameter("owner", owner).executeUpdate();
    }

    @Transactional
    public void saveCursor(String source, String json) {
        SourceState state = em.find(SourceState.class, source);
        state.cursorJson = json;
        state.updatedAt = Instant.now();
    }

    @Transactional
    public SourceState state(String source) {
        ensureRow(source);
        return em.find(SourceState.class, source);
    }

    private void ensureRow(String source) {
        if (em.find(SourceState.class, source) == null) {
            // Two instances may race here on the very first run; the loser's insert fails on the primary key,
            // which only aborts its attempt: the scheduler tries again on the next tick.
            SourceState state = new SourceState();
            state.source = source;
            state.updatedAt = Instant.now();
            em.persist(state);
            em.flush();
        }
    }
}
