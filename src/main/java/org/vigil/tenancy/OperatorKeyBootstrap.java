package org.vigil.tenancy;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs after Flyway has migrated the schema, before the HTTP port serves requests. */
@ApplicationScoped
class OperatorKeyBootstrap {

    private final ApiKeyService keys;

    OperatorKeyBootstrap(ApiKeyService keys) {
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) {
        keys.ensureOperatorKey();
    }
}
