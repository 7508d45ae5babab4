package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Two instances on one PostgreSQL database (two ports of this machine): the findings load on one, then the same load
 * split over both. Meanwhile a KEV job scheduled every 3 s must run once per tick (clustered Quartz), and webhook
 * notifications of a new advisory must reach the receiver once each (delivery claims).
 */
final class InstancesPhase {

    private static final int SUBSCRIBERS = 20;
    private static final int KEV_EVERY_SECONDS = 3;

    private final BenchSettings settings;
    private final LoadPhase load;
    private final Bench bench;

    InstancesPhase(BenchSettings settings, LoadPhase load, Bench bench) {
        this.settings = settings;
        this.load = load;
        this.bench = bench;
    }

    /** Job settings both instances share: a tiny local KEV catalogue on a 3-second schedule. */
    Map<String, String> sharedJobs() throws IOException {
        Path kev = Files.writeString(settings.work().resolve("kev.json"), "{\"catalogVersion\":\"bench\","
                + "\"dateReleased\":\"2099-01-01T00:00:00Z\",\"count\":1,\"vulnerabilities\":[{\"cveID\":\"CVE-2099-99999\","
                + "\"vendorProject\":\"Bench\",\"product\":\"None\",\"dateAdded\":\"2099-01-01\"}]}");
        return Map.of("VIGIL_SOURCES_CISA_KEV_ENABLED", "true", "VIGIL_SOURCES_CISA_KEV_URL", kev.toUri().toString(),
                "VIGIL_SOURCES_CISA_KEV_CRON", "0/" + KEV_EVERY_SECONDS + " * * * * ?");
    }

    /**
     * {@code start} launches an instance by name with extra environment; {@code publish} publishes a common-model
     * advisory and starts its run.
     */
    void run(List<BenchClient.Tenant> tenants, BiFunction<String, Map<String, String>, VigilJar> start,
            java.util.function.Consumer<BenchClient> publish) throws IOException {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            received.merge(String.valueOf(ex.getRequestHeaders().getFirst("webhook-id")), 1, Integer::sum);
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        Map<String, String> jobs = sharedJobs();
        try (VigilJar a = start.apply("a", jobs); VigilJar b = start.apply("b", jobs)) {
            BenchClient clientA = new BenchClient(a.base());
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            for (BenchClient.Tenant t : tenants.subList(0, Math.min(SUBSCRIBERS, tenants.size()))) {
                clientA.post(t.key(), "/api/v1/subscriptions", "application/json", BenchClient.json(Map.of("name",
                        "bench", "channel", "WEBHOOK", "url", hook, "eventTypes", List.of("NEW_FINDING"))), 201);
            }
            Instant from = Instant.now();
            load.quick(a.base(), LoadPhase.FINDINGS, 5);   // warm-up of both
            load.quick(b.base(), LoadPhase.FINDINGS, 5);
            Wrk.Result one = load.quick(a.base(), LoadPhase.FINDINGS, settings.seconds());
            int half = settings.connections() / 2;
            Wrk.Running onA = load.wrk().start(a.base(), 1, half, settings.seconds(), LoadPhase.FINDINGS);
            Wrk.Running onB = load.wrk().start(b.base(), 1, half, settings.seconds(), LoadPhase.FINDINGS);
            Wrk.Result ra = onA.result();
            Wrk.Result rb = onB.result();
            double both = ra.perSecond() + rb.perSecond();
            bench.figure("findings list, one instance, " + settings.connections() + " connections", one.toString(), null);
            bench.figure("findings list, two instances, " + half + " + " + half + " connections",
                    String.format("%,.0f req/s = %.2f× one (A: %s; B: %s)", both, both / one.perSecond(), ra, rb),
                    "≥ 1.6× one instance");
            publish.accept(clientA);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (received.size() < SUBSCRIBERS && System.nanoTime() < deadline) {
                Bench.pause(200);
            }
            Bench.pause(3000);   // time for a duplicate to arrive, if any
            Instant to = Instant.now();
            long twice = received.values().stream().filter(n -> n > 1).count();
            bench.figure("webhook deliveries with two dispatchers", String.format("%d notifications received, %d more "
                    + "than once", received.size(), twice), SUBSCRIBERS + " once each");
            kevRuns(clientA, from, to);
        } finally {
            receiver.stop(0);
        }
    }

    private void kevRuns(BenchClient client, Instant from, Instant to) {
        JsonNode runs = client.get(BenchSettings.OPERATOR_KEY, "/api/v1/sources/cisa-kev/runs?size=200").get("items");
        int scheduled = 0;
        int skipped = 0;
        for (JsonNode r : runs) {
            if (r.path("startedAt").isNull() || r.path("startedAt").isMissingNode()) {
                continue;
            }
            Instant started = Instant.parse(r.get("startedAt").asText());
            if (started.isAfter(from) && started.isBefore(to)) {
                scheduled++;
                skipped += r.get("status").asText().equals("SKIPPED") ? 1 : 0;
            }
        }
        long ticks = Duration.between(from, to).toSeconds() / KEV_EVERY_SECONDS;
        bench.figure(String.format("KEV job every %d s on two instances, %d s", KEV_EVERY_SECONDS,
                Duration.between(from, to).toSeconds()), String.format("%d runs recorded (%d SKIPPED) for %d ticks",
                scheduled, skipped, ticks), "one run per tick");
    }
}
