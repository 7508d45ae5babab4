package org.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the Vigil JVM and by the PostgreSQL backends serving its database, from /proc (Linux, clock ticks of
 * 10 ms). Divided by the requests of a wrk run it gives the CPU cost of one request, a figure the other builds on a
 * shared machine do not distort the way they distort throughput.
 */
final class CpuMeter {

    private static final double MILLIS_PER_TICK = 10.0;

    private final long vigilPid;
    private final String pgDatabase;

    /** {@code pgDatabase} null: embedded H2, the database work is inside the Vigil JVM. */
    CpuMeter(long vigilPid, String pgDatabase) {
        this.vigilPid = vigilPid;
        this.pgDatabase = pgDatabase;
    }

    record Sample(double vigilMillis, double pgMillis) {
    }

    Sample read() {
        return new Sample(cpuMillis(Path.of("/proc", String.valueOf(vigilPid))), pgDatabase == null ? 0 : backends());
    }

    /** "Vigil 0.81 ms + PostgreSQL 0.40 ms CPU per request" between two samples. */
    static String perRequest(Sample before, Sample after, long requests) {
        double vigil = (after.vigilMillis() - before.vigilMillis()) / Math.max(1, requests);
        double pg = (after.pgMillis() - before.pgMillis()) / Math.max(1, requests);
        return pg == 0 ? String.format("Vigil %.2f ms CPU per request", vigil)
                : String.format("Vigil %.2f ms + PostgreSQL %.2f ms CPU per request", vigil, pg);
    }

    private double backends() {
        double sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String title = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (title.startsWith("postgres: ") && title.contains(" " + pgDatabase + " ")) {
                        sum += cpuMillis(p);
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    private static double cpuMillis(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK;   // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
