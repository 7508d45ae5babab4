package org.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures of one benchmark run, each printed with the machine's load average when it was taken. */
final class Bench {

    private final List<String> figures = new ArrayList<>();
    private final String db;

    Bench(String db) {
        this.db = db;
    }

    /** Records and prints one figure: what, the measured value, the goal, and the 1-minute load average. */
    void figure(String what, String value, String goal) {
        String line = String.format("[%s] %-58s %s%s  (load %s)", db, what, value,
                goal == null ? "" : "   goal " + goal, loadAverage());
        figures.add(line);
        System.out.println(line);
    }

    /** A line of context (sizes, plans, counts), printed at once and repeated in the summary. */
    void note(String text) {
        figures.add("[" + db + "]   " + text);
        System.out.println("[" + db + "]   " + text);
    }

    void printSummary() {
        System.out.printf("%n===== National scale benchmark (%s) =====%n", db);
        figures.forEach(System.out::println);
        System.out.println("=====");
    }

    /** The 1-, 5- and 15-minute load averages of /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Waits between polls; every caller polls with a deadline. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** The value at this percentile (0–100) of sorted samples. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
