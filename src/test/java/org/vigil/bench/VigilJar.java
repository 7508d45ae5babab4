package org.vigil.bench;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged Vigil ({@code quarkus-run.jar}, built with or without the {@code pg} profile) as its own JVM on
 * 127.0.0.1 and a free port, configured through environment variables the way an operator runs it. Its log goes to
 * the benchmark's temp directory.
 */
final class VigilJar implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private VigilJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts an instance and waits until it is ready; {@code extra} overrides or adds environment variables. */
    static VigilJar start(BenchSettings s, String name, Map<String, String> extra) {
        if (!Files.exists(s.jar())) {
            throw new IllegalStateException(s.jar() + " is missing: bench/run builds it (./mvnw package -Dquarkus.profile="
                    + (s.pg() ? "pg" : "prod") + ", copied to target/bench-" + s.db() + ")");
        }
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("VIGIL_DB_URL", s.jdbcUrl());
        env.put("VIGIL_DB_USER", s.jdbcUser());
        env.put("VIGIL_ADMIN_API_KEY", BenchSettings.OPERATOR_KEY);
        env.put("VIGIL_SOURCES_CISA_CSAF_CRON", "off");
        env.put("VIGIL_SOURCES_CISA_CSAF_VERIFICATION", "allow-unverified");
        env.put("VIGIL_SOURCES_CISA_CSAF_SKIP_MISSING_DOCUMENTS", "true");
        env.put("VIGIL_SOURCES_CISA_KEV_ENABLED", "false");
        // No trigger stored for it: Quartz (jdbc store) starts a changed cron only at the old trigger's next fire time.
        env.put("VIGIL_SOURCES_CISA_KEV_CRON", "off");
        env.put("VIGIL_RETENTION_CRON", "off");   // the same; the history phase starts it on an instance of its own
        env.put("VIGIL_SOURCES_FDA_RECALL_ENABLED", "false");
        env.put("VIGIL_SOURCES_FDA_SAFETY_ENABLED", "false");
        env.put("VIGIL_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        env.put("VIGIL_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("VIGIL_NOTIFICATION_DISPATCH_EVERY", "1s");
        if (s.pg()) {
            env.put("QUARKUS_PROFILE", "pg");
        }
        env.putAll(extra);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + s.xmx()));
        // e.g. -Dbench.jvm-args=-XX:StartFlightRecording=filename=/tmp/vigil.jfr,settings=profile
        String jvmArgs = System.getProperty("bench.jvm-args", "").strip();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.replace("{name}", name).split("\\s+")));
        }
        command.addAll(List.of("-jar", s.jar().toString()));
        Path log = s.work().resolve("vigil-" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        try {
            VigilJar vigil = new VigilJar(pb.start(), port, log);
            vigil.awaitReady();
            return vigil;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Vigil exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Bench.pause(200);
        }
        close();
        throw new IllegalStateException("Vigil did not become ready; log " + log + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A graceful stop (SIGTERM), forced after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
