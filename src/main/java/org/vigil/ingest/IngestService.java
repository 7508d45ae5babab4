package org.vigil.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.vigil.advisory.Json;
import org.vigil.api.ApiException;
import org.vigil.redaction.Redactor;

/**
 * Runs sources: takes the source lease (so runs never overlap, also across instances), records the run, calls
 * the {@link Ingestor}, and closes the run with its counts, errors and status.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);
    /** Identifies this instance as lease owner; distinct per JVM even on one host. */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private final Map<String, Ingestor> ingestors = new TreeMap<>();
    private final IngestRunRepository runs;
    private final SourceLeases leases;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vigil-ingest");
        t.setDaemon(true);
        return t;
    });

    public IngestService(Instance<Ingestor> all, IngestRunRepository runs, SourceLeases leases) {
        all.forEach(i -> ingestors.put(i.name(), i));
        this.runs = runs;
        this.leases = leases;
    }

    public List<String> sourceNames() {
        return List.copyOf(ingestors.keySet());
    }

    public Ingestor ingestor(String name) {
        Ingestor ingestor = ingestors.get(name);
        if (ingestor == null) {
            throw ApiException.notFound("Source " + name);
        }
        return ingestor;
    }

    /**
     * Runs a source now, in the calling thread, and returns the finished run. When another run holds the
     * source (here or on another instance) the run is recorded as SKIPPED and nothing is fetched.
     */
    public IngestRun run(String source, IngestRun.Trigger trigger) {
        IngestRun run = newRun(source, trigger, IngestRun.Status.QUEUED);
        return execute(run.id, source, trigger);
    }

    /** Queues a run on a background thread and returns it at once (the API answers 202 with it). */
    public IngestRun start(String source, boolean full) {
        Ingestor ingestor = ingestor(source);
        if (!ingestor.enabled()) {
            throw ApiException.conflict("Source " + source + " is disabled (vigil.sources." + source + ".enabled)");
        }
        IngestRun.Trigger trigger = full ? IngestRun.Trigger.FULL_RESYNC : IngestRun.Trigger.MANUAL;
        IngestRun run = newRun(source, trigger, IngestRun.Status.QUEUED);
        background.submit(() -> execute(run.id, source, trigger));
        return run;
    }

    public Optional<IngestRun> find(String source, UUID runId) {
        return QuarkusTransaction.requiringNew().call(() ->
                runs.findByIdOptional(runId).filter(r -> r.source.equals(source)));
    }

    /**
     * Every way out of here records the run's end: an exception from the lease, the database or the ingestor
     * fails the run with a safe reason. A run started through the API runs on a background thread where an
     * escaping exception would vanish and leave the run QUEUED or RUNNING forever.
     */
    private IngestRun execute(UUID runId, String source, IngestRun.Trigger trigger) {
        MDC.put("source", source);
        MDC.put("run", runId.toString());
        Instant started = Instant.now();
        RunContext context = null;
        boolean held = false;
        try {
            Ingestor ingestor = ingestor(source);
            if (!leases.acquire(source, INSTANCE)) {
                return finish(runId, null, IngestRun.Status.SKIPPED, "another run of " + source + " is in progress");
            }
            held = true;
            Instant queuedBefore = Instant.now().minus(leases.leaseDuration());
            int abandoned = QuarkusTransaction.requiringNew().call(() -> runs.abandonOthers(source, runId, queuedBefore));
            if (abandoned > 0) {
                LOG.warnf("Marked %d earlier run(s) of %s FAILED: their instance stopped before recording the end", abandoned, source);
            }
            markRunning(runId);
            context = new RunContext(source, trigger, leases.state(source).cursorJson, leases, INSTANCE);
            ingestor.run(context);
            IngestRun.Status status = context.failed > 0 ? IngestRun.Status.PARTIAL : IngestRun.Status.SUCCEEDED;
            IngestRun done = finish(runId, context, status, null);
            LOG.infof("Source %s %s in %d ms: seen %d, new %d, updated %d, failed %d", source, status,
                    Duration.between(started, Instant.now()).toMillis(), context.seen, context.created,
                    context.updated, context.failed);
            return done;
        } catch (Exception | LinkageError | StackOverflowError e) {
            String message = Failures.reason(e);
            LOG.warnf("Source %s FAILED after %d ms: %s", source, Duration.between(started, Instant.now()).toMillis(),
                    message);
            LOG.debug("Run failure", e);
            return finishFailed(runId, source, trigger, context, message);
        } finally {
            if (held) {
                release(source);
            }
            MDC.remove("source");
            MDC.remove("run");
        }
    }

    /** Records a failed run; when even that fails (database gone), the next run of the source marks it abandoned. */
    private IngestRun finishFailed(UUID runId, String source, IngestRun.Trigger trigger, RunContext context,
            String message) {
        try {
            return finish(runId, context, IngestRun.Status.FAILED, message);
        } catch (RuntimeException e) {
            LOG.errorf("Could not record the failure of run %s of %s (%s); the next run of the source marks it FAILED",
                    runId, source, Failures.reason(e));
            IngestRun run = new IngestRun();
            run.id = runId;
            run.source = source;
            run.trigger = trigger;
            run.status = IngestRun.Status.FAILED;
            run.message = message;
            return run;
        }
    }

    private void release(String source) {
        try {
            leases.release(source, INSTANCE);
        } catch (RuntimeException e) {
            LOG.warnf("Could not release the lease of %s (%s); it expires by itself", source, Failures.reason(e));
        }
    }

    private IngestRun newRun(String source, IngestRun.Trigger trigger, IngestRun.Status status) {
        ingestor(source);
        return QuarkusTransaction.requiringNew().call(() -> {
            IngestRun run = new IngestRun();
            run.id = UUID.randomUUID();
            run.source = source;
            run.trigger = trigger;
            run.status = status;
            run.startedAt = Instant.now();
            runs.persist(run);
            return run;
        });
    }

    private void markRunning(UUID runId) {
        QuarkusTransaction.requiringNew().run(() -> {
            IngestRun run = runs.findById(runId);
            run.status = IngestRun.Status.RUNNING;
            run.startedAt = Instant.now();
            run.finishedAt = null;
            run.message = null;
        });
    }

    private IngestRun finish(UUID runId, RunContext context, IngestRun.Status status, String message) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IngestRun run = runs.findById(runId);
            run.status = status;
            run.finishedAt = Instant.now();
            String safe = Redactor.redact(message);
            run.message = safe == null ? null : safe.substring(0, Math.min(2000, safe.length()));
            if (context != null) {
                run.seen = context.seen;
                run.created = context.created;
                run.updated = context.updated;
                run.failed = context.failed;
                run.errorsJson = Json.write(context.errors);
            }
            if (status != IngestRun.Status.SKIPPED) {
                SourceState state = leases.state(run.source);
                state.lastRunId = run.id;
                if (status == IngestRun.Status.SUCCEEDED || status == IngestRun.Status.PARTIAL) {
                    state.lastSuccessAt = run.finishedAt;
                }
            }
            return run;
        });
    }
}
