package org.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the national-scale benchmark runs, from system properties (bench/run passes them through). Defaults are the
 * sizes of issue 13: 1,000 hospitals on PostgreSQL, 200 on H2, 1,000 devices each.
 */
record BenchSettings(String db, Path jar, int hospitals, int devicesPerHospital, String pgServer, String pgDatabase,
        String pgUser, int connections, int seconds, String xmx, Path corpus, Set<String> phases, Path work) {

    static final String OPERATOR_KEY = "bench-operator-key-0123456789abcdef";
    static final List<String> ALL_PHASES = List.of("import", "ingest", "latency", "load", "instances", "history");

    static BenchSettings fromSystemProperties() throws java.io.IOException {
        String db = System.getProperty("bench.db", "pg");
        boolean pg = db.equals("pg");
        Path jar = Path.of(System.getProperty("bench.jar", "target/bench-" + db + "/quarkus-run.jar"));
        int hospitals = Integer.getInteger("bench.hospitals", pg ? 1000 : 200);
        String phases = System.getProperty("bench.phases", String.join(",", ALL_PHASES));
        for (String phase : phases.split(",")) {
            if (!ALL_PHASES.contains(phase)) {
                throw new IllegalArgumentException("-Dbench.phases: unknown phase '" + phase + "', known: " + ALL_PHASES);
            }
        }
        return new BenchSettings(db, jar, hospitals, Integer.getInteger("bench.devices", 1000),
                System.getProperty("bench.pg-server", "127.0.0.1:5432"),
                System.getProperty("bench.pg-database", "vigil_scale_bench"),
                System.getProperty("bench.pg-user", "postgres"),
                Integer.getInteger("bench.connections", 32), Integer.getInteger("bench.seconds", 20),
                System.getProperty("bench.xmx", "2g"), locateCorpus(), Set.of(phases.split(",")),
                Files.createTempDirectory("vigil-bench-"));
    }

    boolean pg() {
        return db.equals("pg");
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The CSAF OT mirror of ../shared (../../shared from a worktree, or -Dbench.corpus=DIR); null when absent. */
    private static Path locateCorpus() {
        String configured = System.getProperty("bench.corpus");
        for (String p : configured != null ? List.of(configured) : List.of("../shared/corpus", "../../shared/corpus")) {
            Path ot = Path.of(p, "cisa-csaf", "OT", "white");
            if (Files.isDirectory(ot)) {
                return ot.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    String jdbcUrl() {
        return pg() ? "jdbc:postgresql://" + pgServer + "/" + pgDatabase
                : "jdbc:h2:file:" + work.resolve("h2").resolve("vigil") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    String jdbcUser() {
        return pg() ? pgUser : "sa";
    }
}
