package org.vigil.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Short timeouts and small limits, so that receivers which never answer or never stop talking show within
 * seconds what they would do to the other tenants in production.
 */
public class HostileReceiverProfile implements QuarkusTestProfile {

    static final int PER_HOST = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("vigil.webhooks.allow-private-targets", "true",
                "vigil.webhooks.allow-http", "true",
                "vigil.notification.webhook-timeout", "2S",
                "vigil.notification.max-concurrent-per-host", String.valueOf(PER_HOST),
                "vigil.notification.max-concurrent-sends", "3",
                "vigil.notification.lease", "3S");
    }
}
