package org.vigil.notification.outbox;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Runs the dispatcher every {@code vigil.notification.dispatch-every}. */
@ApplicationScoped
public class DispatchJob {

    private final Dispatcher dispatcher;

    public DispatchJob(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(identity = "notification-dispatch", every = "{vigil.notification.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void run() {
        dispatcher.dispatchDue(Dispatcher.INSTANCE, Instant.now());
    }
}
