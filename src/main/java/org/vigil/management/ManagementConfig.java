package org.vigil.management;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Who may read the management endpoints under {@code /q/} (docs/configuration.md, Management endpoints). */
@ConfigMapping(prefix = "vigil.management")
public interface ManagementConfig {

    /**
     * When true, every path under the non-application root ({@code /q/}: metrics, OpenAPI, Swagger UI, full health)
     * answers only the operator key ({@code Authorization: Bearer <key>}): 401 without a key, 403 for a hospital key.
     * The paths of {@code vigil.management.open-paths} stay open. False (the default) leaves them all open.
     */
    @WithDefault("false")
    boolean protect();

    /**
     * Paths that stay open when {@code protect} is true, matched exactly: the probes an orchestrator calls without a
     * key. They answer status only (UP/DOWN per check), no metrics or configuration.
     */
    @WithDefault("/q/health/live,/q/health/ready,/q/health/started")
    List<String> openPaths();
}
