package org.vigil.matching;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every {@code vigil.matching.rematch-resume-every}, each instance looks for a re-match to start or resume: one
 * queued while another ran, or one whose instance died (its lease expired). Not clustered on purpose: the
 * matching lease decides who runs it.
 */
@ApplicationScoped
public class RematchJob {

    private final MatchingRuns runs;

    public RematchJob(MatchingRuns runs) {
        this.runs = runs;
    }

    @Scheduled(identity = "matching-rematch-resume", every = "{vigil.matching.rematch-resume-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runs.kick();
    }
}
