package org.vigil.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A WireMock receiver on 127.0.0.1: loopback and plain http must be allowed for it, which is exactly what
 * production refuses (SubscriptionResourceTest checks the refusal with the defaults).
 */
public class WebhookProfile implements QuarkusTestProfile {

    static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("vigil.webhooks.allow-private-targets", "true",
                "vigil.webhooks.allow-http", "true",
                "vigil.notification.webhook-timeout", "5S",
                // Secrets encrypted at rest: every signature check in WebhookDeliveryTest goes through decryption.
                "vigil.notification.secret-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
