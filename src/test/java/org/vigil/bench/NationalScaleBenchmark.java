package org.vigil.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, national scale on the production path: the packaged jar (pg or embedded H2 build) on a fresh database,
 * 1,000 hospitals × 1,000 devices imported through the API (200 on H2), the ICSMA corpus of ../shared ingested from a
 * local mirror, then wrk on the lists; two instances, a year of history with retention. Every figure is printed with the machine's load average. Not part of the test run; see bench/README.md
 * (one command: {@code bench/run pg} or {@code bench/run h2}).
 */
class NationalScaleBenchmark {

    @Test
    void nationalScale() throws Exception {
        BenchSettings s = BenchSettings.fromSystemProperties();
        Bench bench = new Bench(s.db());
        bench.note(String.format("%s, jar %s, %,d hospitals × %,d devices, %d CPUs, work dir %s", s.pg()
                ? "PostgreSQL " + s.pgServer() + "/" + s.pgDatabase() : "embedded H2 file", s.jar(), s.hospitals(),
                s.devicesPerHospital(), Runtime.getRuntime().availableProcessors(), s.work()));
        bench.note(s.corpus() == null ? "../shared/corpus is absent: the corpus figures are skipped"
                : "corpus (read from ../shared, not part of the project): " + s.corpus());
        BenchDatabase db = new BenchDatabase(s);
        db.recreate();
        BenchMirror mirror = BenchMirror.create(s.work(), s.corpus());
        Instances instances = (name, extra) -> {
            Map<String, String> env = new HashMap<>(mirror.env("ICSMA"));
            env.putAll(extra);
            return VigilJar.start(s, name, env);
        };
        List<BenchClient.Tenant> tenants;
        Wrk wrk;
        Map<String, Long> advisoryFindings = new LinkedHashMap<>();
        try (VigilJar vigil = instances.start("main", Map.of())) {
            BenchClient client = new BenchClient(vigil.base());
            InventoryPhase inventory = new InventoryPhase(s, client, bench);
            tenants = inventory.createHospitals();
            if (s.runs("import")) {
                inventory.importAll(tenants);
            }
            MatchingPhase matching = new MatchingPhase(client, mirror, bench);
            if (s.runs("ingest")) {
                matching.ingestCorpus(s.corpus() != null, s.hospitals() * s.devicesPerHospital());
            }
            if (s.runs("latency")) {
                matching.newCommonAdvisory(tenants.get(0), advisoryFindings);
                matching.newDevices(tenants, 55);
            }
            wrk = new Wrk(s.work(), tenants.stream().map(BenchClient.Tenant::key).toList());
            if (s.runs("load")) {
                new LoadPhase(s, wrk, bench).lists(vigil.base(), new CpuMeter(vigil.pid(), s.pg() ? s.pgDatabase() : null), "");
            }
            if (s.runs("import")) {
                inventory.importHealthSystem();
            }
            if (s.pg()) {
                db.tableStats().forEach(bench::note);
                plans(db, tenants.get(0)).forEach(bench::note);
            }
        }
        if (s.pg() && s.runs("instances")) {
            LoadPhase load = new LoadPhase(s, wrk, bench);
            new InstancesPhase(s, load, bench).run(tenants, instances::start, c -> {
                try {
                    new MatchingPhase(c, mirror, bench).newCommonAdvisory(tenants.get(0), advisoryFindings);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        if (s.pg() && s.runs("history")) {
            new HistoryPhase(s, new LoadPhase(s, wrk, bench), db, bench).run(tenants, instances::start);
        }
        advisoryFindings.forEach((id, n) -> bench.note(id + ": " + n + " findings in the first hospital"));
        bench.printSummary();
    }

    /** Plans of the findings and devices list queries for one hospital, as PostgreSQL runs them now. */
    private static List<String> plans(BenchDatabase db, BenchClient.Tenant tenant) throws java.sql.SQLException {
        String h = "'" + tenant.id() + "'";
        List<String> out = new java.util.ArrayList<>();
        out.add("EXPLAIN ANALYZE findings page:");
        out.addAll(db.explain("SELECT f.*, a.id, a.title, a.severity FROM finding f JOIN advisory a ON a.id = f.advisory_id"
                + " WHERE f.hospital_id = " + h + " ORDER BY f.last_seen DESC, f.id LIMIT 50"));
        out.add("EXPLAIN ANALYZE devices page:");
        out.addAll(db.explain("SELECT * FROM device WHERE hospital_id = " + h + " ORDER BY manufacturer, model, id LIMIT 50"));
        return out;
    }

    @FunctionalInterface
    interface Instances {
        VigilJar start(String name, Map<String, String> extraEnv);
    }
}
