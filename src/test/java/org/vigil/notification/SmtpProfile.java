package org.vigil.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Real SMTP: the mailer talks to a GreenMail server on a free port chosen here. The test starts and stops
 * GreenMail on that port itself, so it can take the server down and bring it back.
 */
public class SmtpProfile implements QuarkusTestProfile {

    static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(PORT),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.keep-alive", "false",
                "vigil.notification.mail-from", "vigil@hospital.example");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
