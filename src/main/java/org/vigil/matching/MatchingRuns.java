package org.vigil.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.vigil.advisory.Json;
import org.vigil.matching.company.AliasRegistry;

/**
 * Background re-matches: each is a {@link MatchingRun} row, queued and then run by whichever instance takes the
 * matching lease, one at a time across all instances, oldest first. A run whose instance died keeps its cursor
 * and is resumed from there once the lease has expired (by {@link RematchJob}, on any instance).
 */
@ApplicationScoped
public class MatchingRuns {

    private static final Logger LOG = Logger.getLogger(MatchingRuns.class);

    private final EntityManager em;
    private final MatchingLease lease;
    private final FullRematch full;
    private final CompanyRematch companies;
    private final TransactionSynchronizationRegistry transactions;
    /** Held while this instance runs a re-match: the lease admits its own owner again, this does not. */
    private final ReentrantLock local = new ReentrantLock();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-rematch");
        t.setDaemon(true);
        return t;
    });

    public MatchingRuns(EntityManager em, MatchingLease lease, FullRematch full, CompanyRematch companies,
            TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.lease = lease;
        this.full = full;
        this.companies = companies;
        this.transactions = transactions;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Queues a full re-match; it starts once the caller's transaction commits. */
    @Transactional
    public MatchingRun startFull(String actor) {
        return queue(MatchingRun.Kind.FULL, "operator request", null, actor);
    }

    /** Queues a full re-match that Vigil itself needs (new matching rules), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchingRun startRulesUpgrade(String reason) {
        return queue(MatchingRun.Kind.FULL, reason, null, "vigil");
    }

    /**
     * Queues the re-match of an alias change in the caller's transaction (it exists exactly when the change
     * does); {@code before} are the operator aliases before the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchingRun startAlias(String reason, List<AliasRegistry.Alias> before, String actor) {
        return queue(MatchingRun.Kind.ALIAS, reason, Json.write(new CompanyRematch.Scope(before, null)), actor);
    }

    @Transactional
    public Optional<MatchingRun> find(UUID id) {
        return Optional.ofNullable(em.find(MatchingRun.class, id));
    }

    @Transactional
    public List<MatchingRun> recent(int limit) {
        return em.createQuery("from MatchingRun r order by r.createdAt desc, r.id", MatchingRun.class)
                .setMaxResults(limit).getResultList();
    }

    /** Starts or resumes queued and orphaned runs on this instance's worker (returns at once). */
    public void kick() {
        worker.submit(this::drain);
    }

    /**
     * Runs a full re-match now in the calling thread and returns what it did (benchmarks); waits for a re-match
     * this instance is running, fails when another instance holds the lease.
     */
    public FullRematch.Summary fullNow() {
        local.lock();
        try {
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                MatchingRun r = newRun(MatchingRun.Kind.FULL, "benchmark", null, null);
                em.persist(r);
                return r.id;
            });
            if (!lease.acquire(id)) {
                throw new IllegalStateException("another instance is running a re-match");
            }
            return execute(id);
        } finally {
            local.unlock();
        }
    }

    /** Runs every pending run this instance can take, in the calling thread (the worker). */
    void drain() {
        if (!local.tryLock()) {
            return;   // this instance is running one already
        }
        try {
            drainLocked();
        } finally {
            local.unlock();
        }
    }

    private void drainLocked() {
        while (true) {
            Optional<UUID> next = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select r.id from MatchingRun r where r.status in :open order by r.createdAt, r.id", UUID.class)
                    .setParameter("open", List.of(MatchingRun.Status.QUEUED, MatchingRun.Status.RUNNING))
                    .setMaxResults(1).getResultStream().findFirst());
            if (next.isEmpty() || !lease.acquire(next.get())) {
                return;   // nothing to do, or another instance is running one (it takes the next after it)
            }
            execute(next.get());
        }
    }

    private FullRematch.Summary execute(UUID runId) {
        MDC.put("matchingRun", runId.toString());
        FullRematch.Summary summary = null;
        try {
            MatchingRun run = QuarkusTransaction.requiringNew().call(() -> {
                MatchingRun r = em.find(MatchingRun.class, runId);
                if (r.status == MatchingRun.Status.RUNNING) {
                    LOG.warnf("Resuming %s re-match %s after device %s (its instance stopped)", r.kind, r.id, r.cursorDevice);
                }
                r.status = MatchingRun.Status.RUNNING;
                r.attempts++;
                if (r.startedAt == null) {
                    r.startedAt = Instant.now();
                }
                return r;
            });
            if (run.kind == MatchingRun.Kind.FULL) {
                summary = full.run(runId, run.cursorDevice);
            } else {
                companies.run(runId, run.cursorDevice);
            }
            finish(runId, MatchingRun.Status.SUCCEEDED, null);
        } catch (MatchingLease.Lost e) {
            LOG.warnf("Re-match %s: %s; it goes on there", runId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Re-match " + runId + " failed", e);
            finish(runId, MatchingRun.Status.FAILED, "failed after its last committed batch (see the server log); "
                    + "nothing is lost: start another re-match");
        } finally {
            lease.release(runId);
            MDC.remove("matchingRun");
        }
        return summary;
    }

    private void finish(UUID runId, MatchingRun.Status status, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            MatchingRun r = em.find(MatchingRun.class, runId);
            r.status = status;
            r.finishedAt = Instant.now();
            r.message = message;
            LOG.infof("Re-match %s (%s) %s: %d devices, %d new, %d changed, %d resolved findings, %d events", r.id,
                    r.kind, status, r.devices, r.newFindings, r.changedFindings, r.resolvedFindings, r.events);
        });
    }

    private MatchingRun queue(MatchingRun.Kind kind, String reason, String scope, String actor) {
        MatchingRun r = newRun(kind, reason, scope, actor);
        em.persist(r);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    kick();
                }
            }
        });
        return r;
    }

    private static MatchingRun newRun(MatchingRun.Kind kind, String reason, String scope, String actor) {
        MatchingRun r = new MatchingRun();
        r.id = UUID.randomUUID();
        r.kind = kind;
        r.status = MatchingRun.Status.QUEUED;
        r.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        r.scopeJson = scope;
        r.requestedBy = actor;
        r.createdAt = Instant.now();
        return r;
    }
}
