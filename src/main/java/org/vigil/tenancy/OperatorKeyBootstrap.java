package org.vigil.tenancy;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs after Flyway has migrated the schema. The scheduler starts halted ({@code quarkus.scheduler.start-mode=halted})
 * and is resumed only here, once an operator key exists: a refused key stops Vigil with one clear line before any job
 * ran, instead of jobs failing on a closing database while the service shuts down.
 */
@ApplicationScoped
class OperatorKeyBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorKeyBootstrap.class);

    private final ApiKeyService keys;
    private final Scheduler scheduler;

    OperatorKeyBootstrap(ApiKeyService keys, Scheduler scheduler) {
        this.keys = keys;
        this.scheduler = scheduler;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            keys.ensureOperatorKey();
        } catch (OperatorKeys.Refused e) {
            LOG.error(e.getMessage() + "; Vigil stops without starting its jobs");
            Quarkus.asyncExit(1);
            return;
        }
        scheduler.resume();
    }
}
