package org.vigil.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.support.VigilClient;
import org.vigil.support.VigilProcess;

/**
 * Faults injected into two instances of the packaged service sharing one PostgreSQL database (clustered
 * Quartz), each followed by the same checks: every expected finding is there, every delivery is DELIVERED and
 * reached its receiver exactly once per webhook-id (the request in flight at a kill may be sent once more, under
 * the same id), no run is left RUNNING, and no still-affected device got a FINDING_RESOLVED. Prints the table of
 * faults survived.
 *
 * <p>Needs the jar built with the pg profile and a PostgreSQL on 127.0.0.1:5432 (user postgres); it creates and
 * drops a scratch database of its own. Run: {@code ./mvnw -B verify -Dquarkus.profile=pg -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs=false -Dit.test=FaultInjectionIT} (.ci/run does).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    @TempDir
    static Path tmp;

    static ScratchDatabase db;
    static CsafFeed feed;
    static WireMockServer receiver;
    static GreenMail smtp;
    static int smtpPort;
    static VigilProcess a;
    static VigilProcess b;
    static final FaultTable TABLE = new FaultTable();

    @BeforeAll
    static void start() {
        db = ScratchDatabase.create();
        feed = new CsafFeed();
        receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        smtpPort = VigilProcess.freePort();
        Map<String, String> env = VigilProcess.baseEnv();
        env.put("QUARKUS_PROFILE", "pg");
        env.put("VIGIL_DB_URL", db.url());
        env.put("VIGIL_DB_USER", "postgres");
        env.put("VIGIL_SOURCES_CISA_CSAF_DIRECTORY_URL", feed.directoryUrl());
        env.put("VIGIL_INGEST_LEASE_DURATION", "10S");
        env.put("VIGIL_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        env.put("VIGIL_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("VIGIL_NOTIFICATION_DISPATCH_EVERY", "1s");
        env.put("VIGIL_NOTIFICATION_LEASE", "5S");
        env.put("VIGIL_NOTIFICATION_BACKOFF_INITIAL", "1S");
        env.put("VIGIL_NOTIFICATION_BACKOFF_MAX", "3S");
        env.put("VIGIL_NOTIFICATION_WEBHOOK_TIMEOUT", "10S");
        env.put("QUARKUS_QUARTZ_CLUSTER_CHECKIN_INTERVAL", "2S");
        env.put("VIGIL_MATCHING_REMATCH_BATCH_SIZE", "100");
        env.put("VIGIL_MATCHING_REMATCH_LEASE", "5S");
        env.put("VIGIL_MATCHING_REMATCH_RESUME_EVERY", "2s");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        env.put("QUARKUS_MAILER_KEEP_ALIVE", "false");
        env.put("QUARKUS_MAILER_FROM", "vigil@fault.test");
        a = VigilProcess.start("vigil-a", tmp, env);
        b = VigilProcess.start("vigil-b", tmp, env);
    }

    @AfterAll
    static void stop() {
        for (VigilProcess p : new VigilProcess[] {a, b}) {
            if (p != null) {
                p.kill();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (receiver != null) {
            receiver.stop();
        }
        if (feed != null) {
            feed.close();
        }
        if (db != null) {
            db.close();
        }
        System.out.println(TABLE.render());
    }

    private static VigilClient api(VigilProcess p) {
        return new VigilClient(p.port());
    }

    private static List<String> ids(String series, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("ICSMA-99-%s%02d-01", series, i)).toList();
    }

    /** A hospital with one Monitor of {@code vendor} and a webhook to {@code path} on the receiver. */
    private static Hospital webhookHospital(String vendor, String path) {
        VigilClient client = api(a);
        String key = client.newHospitalKey(vendor + " Hospital");
        client.subscribeWebhook(key, receiver.baseUrl() + path);
        client.addDevice(key, vendor, "Monitor", "1.0");
        return new Hospital(key, path);
    }

    record Hospital(String key, String path) {
    }

    @Test
    @Order(1)
    void webhookReceiverAnswers500ThenRecovers() {
        Hospital h = webhookHospital("Delta Devices", "/delta");
        // Deliveries go out concurrently, so no WireMock scenario here (its state changes race with concurrent
        // requests and can answer 404): the receiver answers 500 until it has failed three requests, then 204.
        receiver.stubFor(post(urlEqualTo(h.path())).willReturn(aResponse().withStatus(500)));
        List<String> advisories = ids("4", 3);
        feed.publish("Delta Devices", advisories, 0);
        api(b).runCsafAndWait();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> Checks.received(receiver, h.path()).size() >= 3);
        receiver.stubFor(post(urlEqualTo(h.path())).willReturn(aResponse().withStatus(204)));
        Outcome o = Checks.settle(api(a), h, advisories, receiver, Set.of());
        assertTrue(o.failedAttempts() >= 3, "the receiver's three 500s were retried: " + o);
        TABLE.add("webhook receiver answers 500 (three or more times), then 204", o);
    }

    @Test
    @Order(2)
    void smtpServerDownThenUp() {
        VigilClient client = api(a);
        String key = client.newHospitalKey("Epsilon Hospital");
        client.subscribeEmail(key, "oncall@epsilon.test");
        client.addDevice(key, "Epsilon Instruments", "Monitor", "1.0");
        List<String> advisories = ids("5", 3);
        feed.publish("Epsilon Instruments", advisories, 0);
        api(a).runCsafAndWait();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.deliveries(key).stream()
                .filter(d -> String.valueOf(d.get("lastError")).contains("SMTP")).count() == advisories.size());
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Outcome o = Checks.settleMail(client, key, advisories, smtp);
        TABLE.add("SMTP server down, then up", o);
    }

    @Test
    @Order(3)
    void instanceKilledDuringDispatch() {
        Hospital h = webhookHospital("Zeta Systems", "/zeta");
        receiver.stubFor(post(urlEqualTo(h.path())).willReturn(aResponse().withStatus(204).withFixedDelay(1500)));
        List<String> advisories = ids("6", 5);
        feed.publish("Zeta Systems", advisories, 0);
        api(a).runCsafAndWait();
        // Kill the instance that holds the requests in flight.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> Checks.received(receiver, h.path()).size() >= 1 && !Checks.sendingOwners(db).isEmpty());
        Set<String> inFlight = Set.copyOf(Checks.webhookIds(receiver, h.path()));
        long owner = Checks.sendingOwners(db).iterator().next();
        boolean killedA = owner == a.pid();
        VigilProcess victim = killedA ? a : b;
        victim.kill();
        Set<String> sentBeforeKill = Set.copyOf(Checks.webhookIds(receiver, h.path()));
        Outcome o = Checks.settle(api(killedA ? b : a), h, advisories, receiver, sentBeforeKill);
        if (killedA) {
            a = a.restart();
        } else {
            b = b.restart();
        }
        assertTrue(sentBeforeKill.containsAll(inFlight));
        TABLE.add("kill -9 of the instance sending webhooks (" + inFlight.size() + " in flight)", o);
    }

    @Test
    @Order(4)
    void instanceKilledDuringIngest() {
        Hospital h = webhookHospital("Theta Labs", "/theta");
        receiver.stubFor(post(urlEqualTo(h.path())).willReturn(aResponse().withStatus(204)));
        List<String> advisories = ids("7", 40);
        feed.publish("Theta Labs", advisories, 150);
        VigilClient onA = api(a);
        String killedRun = onA.startCsaf();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> onA.advisoryCount("Theta") >= 8);
        a.kill();
        int before = api(b).advisoryCount("Theta");
        assertTrue(before < advisories.size(), "killed mid-run: " + before);
        a = a.restart();
        // The lease of the dead run expires (10 s here); then a run on the other instance finishes the work.
        VigilClient onB = api(b);
        String[] status = {"SKIPPED"};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            status[0] = onB.awaitCsaf(onB.startCsaf());
            return !status[0].equals("SKIPPED");
        });
        assertEquals("SUCCEEDED", status[0]);
        assertEquals("FAILED", onB.csafRunStatus(killedRun), "the killed run is closed, not left RUNNING");
        Outcome o = Checks.settle(onB, h, advisories, receiver, Set.of());
        TABLE.add("kill -9 during an ingest run (" + before + " of " + advisories.size() + " documents in)", o);
    }

    @Test
    @Order(5)
    void instanceKilledDuringAFullRematch() {
        Hospital h = webhookHospital("Kappa Devices", "/kappa");
        receiver.stubFor(post(urlEqualTo(h.path())).willReturn(aResponse().withStatus(204)));
        List<String> advisories = ids("8", 2);
        feed.publish("Kappa Devices", advisories, 0);
        api(a).runCsafAndWait();
        // Enough devices for many batches (100 each here): the run is killed with some committed, most not.
        StringBuilder csv = new StringBuilder("asset_id,manufacturer,model,version\n");
        for (int i = 0; i < 4000; i++) {
            csv.append("K-").append(i).append(",Lambda Filler Works,Gizmo G").append(i % 400).append(",1.0\n");
        }
        api(a).importCsv(h.key(), csv.toString());
        String run = api(a).startRematch();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Map<String, Object> r = api(b).rematchRun(run);
            return "RUNNING".equals(r.get("status")) && ((Number) ((Map<?, ?>) r.get("counts")).get("devices")).intValue() > 0;
        });
        long holder = Checks.leaseHolder(db);
        boolean killedA = holder == a.pid();
        (killedA ? a : b).kill();
        VigilClient survivor = api(killedA ? b : a);
        int atKill = ((Number) ((Map<?, ?>) survivor.rematchRun(run).get("counts")).get("devices")).intValue();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> "SUCCEEDED".equals(survivor.rematchRun(run).get("status")));
        Map<String, Object> done = survivor.rematchRun(run);
        assertEquals(2, ((Number) done.get("attempts")).intValue(), "resumed once, by the other instance: " + done);
        if (killedA) {
            a = a.restart();
        } else {
            b = b.restart();
        }
        Outcome o = Checks.settle(survivor, h, advisories, receiver, Set.of());
        TABLE.add("kill -9 during a full re-match (" + atKill + " devices done, resumed by the other instance)", o);
    }

    @Test
    @Order(9)
    void noRunIsLeftRunningAndNothingWasResolved() {
        List<Map<String, Object>> runs = api(a).csafRuns();
        assertTrue(runs.stream().noneMatch(r -> List.of("RUNNING", "QUEUED").contains(r.get("status"))), runs.toString());
        List<List<Object>> resolved = db.query("SELECT count(*) FROM match_event WHERE type = 'FINDING_RESOLVED'");
        assertEquals(0L, ((Number) resolved.get(0).get(0)).longValue(), "no FINDING_RESOLVED for any device");
        List<List<Object>> notDelivered = db.query("SELECT count(*) FROM delivery WHERE status <> 'DELIVERED'");
        assertEquals(0L, ((Number) notDelivered.get(0).get(0)).longValue(), "every delivery DELIVERED");
    }
}
