package org.vigil.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The web console ({@code vigil.console.*}); docs/console.md and docs/configuration.md describe the keys. */
@ConfigMapping(prefix = "vigil.console")
public interface ConsoleConfig {

    /** A signed-in session ends after this long without a request (server side; the cookie itself has no expiry). */
    @WithDefault("8H")
    Duration sessionIdleTimeout();

    /**
     * Mark the session cookie {@code Secure} on every answer, also when the request reached Vigil over plain http
     * (TLS ended at a proxy that does not forward the scheme). Over https the cookie is always {@code Secure}.
     */
    @WithDefault("false")
    boolean secureCookie();

    /** Failed sign-ins from one address that pass without delay; after them each further try must wait longer. */
    @WithDefault("5")
    int loginFailuresBeforeDelay();

    /** Longest wait imposed on an address after repeated failed sign-ins (the wait doubles per failure up to it). */
    @WithDefault("5M")
    Duration loginDelayMax();
}
