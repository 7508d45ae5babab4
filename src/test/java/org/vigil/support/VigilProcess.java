package org.vigil.support;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a separate JVM, configured only
 * through environment variables as an operator would. Its log goes to a file and is printed when it does not
 * come up. {@link #kill()} is SIGKILL: no shutdown hook runs.
 */
public final class VigilProcess {

    public static final String OPERATOR_KEY = "crash-test-operator-key-0123456789";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final String name;
    private final Path dir;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private final int port;
    private final int generation;
    private final Process process;

    private VigilProcess(String name, Path dir, Map<String, String> env, List<String> jvmArgs, int port,
            int generation, Process process) {
        this.name = name;
        this.dir = dir;
        this.env = env;
        this.jvmArgs = jvmArgs;
        this.port = port;
        this.generation = generation;
        this.process = process;
    }

    /** The settings every test instance shares: port, operator key, no scheduled ingest, no live upstreams. */
    public static Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("VIGIL_ADMIN_API_KEY", OPERATOR_KEY);
        env.put("VIGIL_SOURCES_CISA_CSAF_CRON", "off");
        env.put("VIGIL_SOURCES_CISA_CSAF_VERIFICATION", "allow-unverified");
        env.put("VIGIL_SOURCES_CISA_KEV_ENABLED", "false");
        env.put("VIGIL_SOURCES_FDA_RECALL_ENABLED", "false");
        env.put("VIGIL_SOURCES_FDA_SAFETY_ENABLED", "false");
        // A loaded CI box can take seconds to hand out the first connection (H2 file creation, Flyway).
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        return env;
    }

    /** An H2 file database under {@code dir}. WRITE_DELAY=0: H2 otherwise writes commits late, and a SIGKILL loses them. */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db").resolve("vigil") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** Starts a JVM named {@code name} (its log is {@code dir/name-1.log}) and waits until it is ready. */
    public static VigilProcess start(String name, Path dir, Map<String, String> env, List<String> jvmArgs) {
        return launch(name, dir, env, jvmArgs, freePort(), 1);
    }

    public static VigilProcess start(String name, Path dir, Map<String, String> env) {
        return start(name, dir, env, List.of());
    }

    /** A new JVM with the same settings and port (this one must be dead). */
    public VigilProcess restart() {
        return launch(name, dir, env, jvmArgs, port, generation + 1);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, in-flight requests are cut. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the current log, for failure messages. */
    public String logTail() {
        return tail(log(name, dir, generation));
    }

    private static Path log(String name, Path dir, int generation) {
        return dir.resolve(name + "-" + generation + ".log");
    }

    private static VigilProcess launch(String name, Path dir, Map<String, String> env, List<String> jvmArgs, int port,
            int generation) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run through ./mvnw verify (package builds it)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Path log = log(name, dir, generation);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            VigilProcess vigil = new VigilProcess(name, dir, env, jvmArgs, port, generation, pb.start());
            vigil.awaitReady(log);
            return vigil;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).until(() -> {
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
            throw new IllegalStateException(name + " did not come up; its log:\n" + tail(log), e);
        }
    }

    /** Runs the jar expecting it to refuse to start; returns its exit code and log. */
    public static Refusal expectRefusal(String name, Path dir, Map<String, String> env) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
        Path log = log(name, dir, 1);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            Process p = pb.start();
            if (!p.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " did not stop on its own; its log:\n" + tail(log));
            }
            return new Refusal(p.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Refusal(int exitCode, String log) {
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
