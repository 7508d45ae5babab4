package org.vigil.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.Json;
import org.vigil.redaction.Redactor;

/**
 * What an {@link Ingestor} gets for one run: the cursor, per-item transactions that move the cursor with the
 * work, and the counters and errors that end up in the run record.
 */
public class RunContext {

    public static final int MAX_ERRORS = 200;

    private final IngestRun.Trigger trigger;
    private final SourceLeases leases;
    private final String source;
    private final String owner;
    private String cursorJson;
    private boolean cursorCommittedThisRun;
    private java.time.Instant lastRenewal;
    int seen;
    int created;
    int updated;
    int failed;
    final List<ItemError> errors = new ArrayList<>();

    RunContext(String source, IngestRun.Trigger trigger, String cursorJson, SourceLeases leases, String owner) {
        this.source = source;
        this.trigger = trigger;
        this.cursorJson = cursorJson;
        this.leases = leases;
        this.owner = owner;
    }

    public record ItemError(String item, String reason) {
    }

    /** True for an operator-requested full re-sync: ignore the cursor and re-read everything. */
    public boolean full() {
        return trigger == IngestRun.Trigger.FULL_RESYNC;
    }

    public IngestRun.Trigger trigger() {
        return trigger;
    }

    /** The cursor as last committed, or {@code empty} on the first run and on a full re-sync. */
    public <T> T cursor(Class<T> type, Supplier<T> empty) {
        if ((full() && !cursorCommittedThisRun) || cursorJson == null) {
            return empty.get();
        }
        List<T> one = Json.readList("[" + cursorJson + "]", type);
        return one.isEmpty() || one.get(0) == null ? empty.get() : one.get(0);
    }

    /**
     * Runs {@code work} in a new transaction and, when {@code newCursor} is not null, stores it in the same
     * transaction: the cursor never gets ahead of committed work. The commit is fenced by the source lease: when
     * another instance has taken the source over (this run stalled past its lease), {@link LeaseLostException}
     * rolls the work back and ends the run.
     */
    public void commit(Runnable work, Object newCursor) {
        String json = newCursor == null ? null : Json.write(newCursor);
        java.time.Instant[] renewed = new java.time.Instant[1];
        int createdBefore = created;
        int updatedBefore = updated;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                if (json != null && !leases.saveCursor(source, owner, json)) {
                    throw new LeaseLostException(source);
                }
                // Checked after the work, so a slow item always renews (and so proves it still holds the lease).
                // Renewing on every commit cost about a sixth of ingest time; a quarter of the lease is plenty.
                java.time.Instant now = java.time.Instant.now();
                if (lastRenewal == null || now.isAfter(lastRenewal.plus(leases.renewEvery()))) {
                    if (!leases.renew(source, owner)) {
                        throw new LeaseLostException(source);
                    }
                    renewed[0] = now;
                }
            });
        } catch (RuntimeException e) {
            // Outcomes counted by work that was rolled back did not happen.
            created = createdBefore;
            updated = updatedBefore;
            throw e;
        }
        if (json != null) {
            cursorJson = json;
            cursorCommittedThisRun = true;
        }
        if (renewed[0] != null) {
            lastRenewal = renewed[0];
        }
    }

    /** This run no longer holds its source: what it was committing is rolled back and the run stops. */
    public static final class LeaseLostException extends RuntimeException implements Failures.SafeMessage {
        LeaseLostException(String source) {
            super("stopped: another instance took over source " + source + " after this run held it longer than "
                    + "vigil.ingest.lease-duration without renewing; nothing of the last item was kept");
        }
    }

    /** Stores the cursor alone (e.g. new index validators after a 304). */
    public void saveCursor(Object newCursor) {
        commit(() -> { }, newCursor);
    }

    public void seen() {
        seen++;
    }

    public void seen(int n) {
        seen += n;
    }

    /** Counts the outcome of one stored advisory. */
    public void counted(AdvisoryService.Outcome outcome) {
        switch (outcome) {
            case NEW -> created++;
            case UPDATED -> updated++;
            default -> { }
        }
    }

    /** Records one failed item; the run goes on and ends PARTIAL. */
    public void failed(String item, String reason) {
        failed++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ItemError(Redactor.redact(item), Redactor.redact(reason)));
        }
    }

    public int failedCount() {
        return failed;
    }
}
