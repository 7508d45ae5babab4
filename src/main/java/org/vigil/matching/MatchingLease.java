package org.vigil.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.UUID;

/**
 * The one lease that keeps re-matches apart, also across instances on one database (as source leases keep ingest
 * runs apart): a conditional UPDATE of a single row that only one writer can win. A dead instance's lease expires.
 * Every batch renews it in its own transaction, so the row stays locked until the batch commits: an instance that
 * lost the lease cannot commit a batch after another took over (fencing).
 */
@ApplicationScoped
public class MatchingLease {

    /** This instance as lease owner; distinct per JVM even on one host. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private final EntityManager em;
    private final MatchingConfig config;

    public MatchingLease(EntityManager em, MatchingConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Takes the lease for {@code runId} when it is free or expired; true when this instance holds it now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(UUID runId) {
        Instant now = Instant.now();
        return em.createNativeQuery("UPDATE matching_lease SET owner = ?1, lease_until = ?2, run_id = ?3 WHERE id = 1"
                        + " AND (owner IS NULL OR lease_until < ?4 OR owner = ?1)")
                .setParameter(1, INSTANCE).setParameter(2, now.plus(config.rematchLease())).setParameter(3, runId)
                .setParameter(4, now).executeUpdate() == 1;
    }

    /**
     * Extends the lease in the caller's transaction (a batch), locking the row until it commits; false when
     * another instance has taken it over, and the batch must not commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean renew(UUID runId) {
        return em.createNativeQuery("UPDATE matching_lease SET lease_until = ?1 WHERE id = 1 AND owner = ?2 AND run_id = ?3")
                .setParameter(1, Instant.now().plus(config.rematchLease())).setParameter(2, INSTANCE)
                .setParameter(3, runId).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(UUID runId) {
        em.createNativeQuery("UPDATE matching_lease SET owner = NULL, lease_until = NULL, run_id = NULL WHERE id = 1"
                        + " AND owner = ?1 AND run_id = ?2")
                .setParameter(1, INSTANCE).setParameter(2, runId).executeUpdate();
    }

    /** Thrown inside a batch whose lease was taken over: the batch rolls back, the run goes on elsewhere. */
    static final class Lost extends RuntimeException {
        Lost() {
            super("the matching lease was taken over by another instance");
        }
    }
}
