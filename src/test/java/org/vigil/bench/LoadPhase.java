package org.vigil.bench;

import java.io.IOException;

/**
 * The two lists every integration polls, under wrk: one connection (latency without queueing), then the issue's
 * load of 32 connections with random hospital keys.
 */
final class LoadPhase {

    static final String FINDINGS = "/api/v1/findings?size=50";
    static final String DEVICES = "/api/v1/devices?size=50";

    private final BenchSettings settings;
    private final Wrk wrk;
    private final Bench bench;

    LoadPhase(BenchSettings settings, Wrk wrk, Bench bench) {
        this.settings = settings;
        this.wrk = wrk;
        this.bench = bench;
    }

    /** Both lists at 1 and at {@code bench.connections} connections; returns the findings result at full load. */
    Wrk.Result lists(String base, CpuMeter cpu, String label) throws IOException {
        String goal = settings.pg() ? "≥ 2,000 req/s, p99 < 50 ms" : "≥ 1,000 req/s, p99 < 50 ms";
        wrk.run(base, 1, 4, 5, FINDINGS, DEVICES);   // warm-up: JIT, connection pool, caches
        Wrk.Result findings = null;
        for (String path : new String[] {FINDINGS, DEVICES}) {
            Wrk.Result one = wrk.run(base, 1, 1, 10, path);
            bench.figure(label + "GET " + path + ", 1 connection", one.toString(), null);
            CpuMeter.Sample before = cpu.read();
            Wrk.Result full = wrk.run(base, 2, settings.connections(), settings.seconds(), path);
            CpuMeter.Sample after = cpu.read();
            bench.figure(label + "GET " + path + ", " + settings.connections() + " connections", full.toString(), goal);
            bench.note(CpuMeter.perRequest(before, after, full.requests()));
            if (path.equals(FINDINGS)) {
                findings = full;
            }
        }
        return findings;
    }

    Wrk wrk() {
        return wrk;
    }

    /** One short run of one list at full load, for before/after comparisons (history, two instances). */
    Wrk.Result quick(String base, String path, int seconds) throws IOException {
        return wrk.run(base, 2, settings.connections(), seconds, path);
    }
}
