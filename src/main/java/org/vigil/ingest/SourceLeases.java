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

    public java.time.Duration leaseDuration() {
        return config.leaseDuration();
    }

    /** How often a running ingest renews its lease: a quarter of the lease, so a slow item never loses it. */
    public java.time.Duration renewEvery() {
        return config.leaseDuration().dividedBy(4);
    }

    /**
     * Extends the lease in the caller's transaction. False when {@code owner} no longer holds it: the lease expired
     * and another instance took it, so the caller must not commit what it did under the lost lease.
     */
    @Transactional
    public boolean renew(String source, String owner) {
        return em.createQuery("update SourceState s set s.leaseUntil = :until where s.source = :source and s.leaseOwner = :owner")
                .setParameter("until", Instant.now().plus(config.leaseDuration()))
                .setParameter("source", source).setParameter("owner", owner).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String source, String owner) {
        em.createQuery("update SourceState s set s.leaseOwner = null, s.leaseUntil = null"
                        + " where s.source = :source and s.leaseOwner = :owner")
                .setParameter("source", source).setParameter("owner", owner).executeUpdate();
    }

    /**
     * Stores the cursor in the caller's transaction, fenced by the lease: only while {@code owner} holds it.
     * False (nothing written) when another instance has taken the source over.
     */
    @Transactional
    public boolean saveCursor(String source, String owner, String json) {
        return em.createQuery("update SourceState s set s.cursorJson = :json, s.updatedAt = :now"
                        + " where s.source = :source and s.leaseOwner = :owner")
                .setParameter("json", json).setParameter("now", Instant.now())
                .setParameter("source", source).setParameter("owner", owner).executeUpdate() == 1;
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
