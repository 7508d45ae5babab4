package org.vigil.notification;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a separate JVM on an H2 file
 * database, configured only through environment variables as an operator would. Its log goes to a file in
 * the temp directory and is printed when it does not come up.
 */
final class VigilProcess {

    static final String OPERATOR_KEY = "crash-test-operator-key-0123456789";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Path dir;
    private final Path mirror;
    private final int port;
    private final Process process;

    private VigilProcess(Path dir, Path mirror, int port, Process process) {
        this.dir = dir;
        this.mirror = mirror;
        this.port = port;
        this.process = process;
    }

    static VigilProcess start(Path dir, Path mirror) {
        return launch(dir, mirror, freePort(), 1);
    }

    /** A new JVM on the same database and port (the previous one must be dead). */
    VigilProcess restart() {
        return launch(dir, mirror, port, 2);
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, in-flight requests are cut. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static VigilProcess launch(Path dir, Path mirror, int port, int generation) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run through ./mvnw verify (package builds it)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString());
        pb.environment().putAll(env(dir, mirror, port));
        Path log = dir.resolve("vigil-" + generation + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            VigilProcess vigil = new VigilProcess(dir, mirror, port, pb.start());
            vigil.awaitReady(log);
            return vigil;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> env(Path dir, Path mirror, int port) {
        return Map.ofEntries(
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(port)),
                Map.entry("QUARKUS_HTTP_HOST", "127.0.0.1"),
                // WRITE_DELAY=0: H2 otherwise writes commits up to 500 ms late, and a SIGKILL loses them (here: the
                // DELIVERED of the request answered just before the kill, so it was sent twice).
                Map.entry("VIGIL_DB_URL", "jdbc:h2:file:" + dir.resolve("db").resolve("vigil") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"),
                Map.entry("VIGIL_ADMIN_API_KEY", OPERATOR_KEY),
                Map.entry("VIGIL_SOURCES_CISA_CSAF_CRON", "off"),
                Map.entry("VIGIL_SOURCES_CISA_CSAF_DIRECTORY_URL", mirror.toUri().toString()),
                Map.entry("VIGIL_SOURCES_CISA_CSAF_VERIFICATION", "allow-unverified"),
                Map.entry("VIGIL_SOURCES_CISA_KEV_ENABLED", "false"),
                Map.entry("VIGIL_SOURCES_FDA_RECALL_ENABLED", "false"),
                Map.entry("VIGIL_SOURCES_FDA_SAFETY_ENABLED", "false"),
                Map.entry("VIGIL_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true"),
                Map.entry("VIGIL_WEBHOOKS_ALLOW_HTTP", "true"),
                // A pass every second; a dead instance's claims expire 5 s after they were taken.
                Map.entry("VIGIL_NOTIFICATION_DISPATCH_EVERY", "1s"),
                Map.entry("VIGIL_NOTIFICATION_LEASE", "5S"),
                Map.entry("VIGIL_NOTIFICATION_BACKOFF_INITIAL", "1S"),
                Map.entry("VIGIL_NOTIFICATION_WEBHOOK_TIMEOUT", "10S"));
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Vigil exited with " + process.exitValue());
                }
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            kill();
            throw new IllegalStateException("Vigil did not come up; its log:\n" + tail(log), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
