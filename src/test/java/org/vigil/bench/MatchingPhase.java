package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Matching as a hospital sees it, over HTTP against the loaded inventories: the ICSMA corpus ingested and matched,
 * a newly published advisory for a model most hospitals own, and a new device whose findings must show at once.
 */
final class MatchingPhase {

    private final BenchClient client;
    private final BenchMirror mirror;
    private final Bench bench;
    MatchingPhase(BenchClient client, BenchMirror mirror, Bench bench) {
        this.client = client;
        this.mirror = mirror;
        this.bench = bench;
    }

    /** The whole listed corpus through the cisa-csaf source; matching runs in each document's transaction. */
    void ingestCorpus(boolean corpusPresent, int devices) {
        if (!corpusPresent) {
            bench.note("../shared/corpus absent: no ICSMA corpus to ingest (only the benchmark's own advisories)");
            return;
        }
        long t = System.nanoTime();
        JsonNode run = client.run("cisa-csaf", Duration.ofMinutes(60));
        double seconds = Bench.seconds(t);
        JsonNode counts = run.get("counts");
        bench.figure(String.format("ingest + match of the ICSMA corpus against %,d devices", devices),
                String.format("%.1f s (%s, %d new, %d failed)", seconds, run.get("status").asText(),
                        counts.get("created").asInt(), counts.get("failed").asInt()), "< 60 s");
    }

    /**
     * Publishes an advisory for the common Philips monitors in the mirror, starts a run and polls one hospital's
     * findings for it; all of an advisory's findings are written in one transaction, so one hospital seeing them means
     * every hospital does. An empty run first gives the fixed cost of reading the listings.
     */
    void newCommonAdvisory(BenchClient.Tenant watcher, Map<String, Long> findingCount) throws IOException {
        long t = System.nanoTime();
        client.run("cisa-csaf", Duration.ofMinutes(5));
        double emptyRun = Bench.millis(t);
        // A new id each time, over every phase and instance: the map holds the ones published so far.
        String id = String.format("ICSMA-99-900-%02d", findingCount.size() + 1);
        mirror.publishCommonModel(id, "2099-06-01T06:00:00.000000Z");
        t = System.nanoTime();
        client.post(BenchSettings.OPERATOR_KEY, "/api/v1/sources/cisa-csaf/runs", null, null, 202);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long total = 0;
        while (total == 0 && System.nanoTime() < deadline) {
            total = client.get(watcher.key(), "/api/v1/findings?size=1&advisoryId=" + id).get("total").asLong();
            if (total == 0) {
                Bench.pause(5);
            }
        }
        double visible = Bench.millis(t);
        findingCount.put(id, total);
        bench.figure("new advisory for a model most hospitals own: run start → visible",
                String.format("%.0f ms (an empty run, only reading the listings: %.0f ms)", visible, emptyRun),
                "< 500 ms after the document is read");
    }

    /** New devices (POST /api/v1/devices) of a model some advisory names; time until its findings answer. */
    void newDevices(List<BenchClient.Tenant> tenants, int n) {
        Random r = new Random(99);
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BenchClient.Tenant tenant = tenants.get(r.nextInt(tenants.size()));
            String body = BenchClient.json(Map.of("assetId", "NEW-" + i, "manufacturer", "Philips Healthcare",
                    "model", "IntelliVue MX800", "version", "M.00", "quantity", 1, "location", "ICU 2"));
            long t = System.nanoTime();
            String device = client.post(tenant.key(), "/api/v1/devices", "application/json", body, 201).get("id").asText();
            long total = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (total == 0 && System.nanoTime() < deadline) {
                total = client.get(tenant.key(), "/api/v1/devices/" + device + "/findings?size=50").get("total").asLong();
            }
            if (i >= 5) {
                samples.add(Bench.millis(t));   // the first few warm the code paths
            }
        }
        samples.sort(Double::compare);
        bench.figure(String.format("new device → its findings visible (POST + GET, %d devices)", samples.size()),
                String.format("p50 %.1f ms, p90 %.1f ms, max %.1f ms", Bench.percentile(samples, 50),
                        Bench.percentile(samples, 90), samples.get(samples.size() - 1)), "< 10 ms");
    }
}
