package org.vigil.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook target policy ({@code vigil.webhooks.*}). */
@ConfigMapping(prefix = "vigil.webhooks")
public interface WebhookConfig {

    /**
     * Accept targets on loopback, private, link-local, CGNAT, unique-local and cloud-metadata addresses.
     * Off by default so a tenant cannot point Vigil at the operator's internal network (SSRF).
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Accept plain http:// targets (local development and tests only; signatures are not secrecy). */
    @WithDefault("false")
    boolean allowHttp();
}
