package org.vigil.matching.generated;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.evidence.MatchResult;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.evidence.Matcher.PreparedProduct;
import org.vigil.matching.evidence.ProductFacts;

/**
 * Runs generated cases through the matcher's public API exactly as matching does for one device and one advisory
 * ({@code prepare}, {@code match}, then {@code forDevice} for lot and serial limits), tallies them per
 * transformation class and prints the figures and the first failures of each class.
 */
final class Scorecard {

    static final double RECALL_GOAL = 0.99;
    static final double PRECISION_GOAL = 0.95;
    private static final int FAILURES_SHOWN = 15;

    /** One class's figures; {@code ok} counts matched positives, or negatives that stayed silent. */
    static final class Tally {
        final String cls;
        final boolean positive;
        int cases;
        int ok;
        final Map<Confidence, Integer> confidences = new EnumMap<>(Confidence.class);
        final List<String> failures = new ArrayList<>();

        Tally(String cls, boolean positive) {
            this.cls = cls;
            this.positive = positive;
        }

        int wrong() {
            return cases - ok;
        }

        double rate() {
            return cases == 0 ? Double.NaN : (double) ok / cases;
        }
    }

    private final Matcher matcher;
    private final Map<String, List<PreparedProduct>> advisories = new LinkedHashMap<>();
    private final Map<String, List<ProductFacts>> facts;
    final Map<String, Tally> tallies = new LinkedHashMap<>();

    Scorecard(Matcher matcher, Map<String, List<ProductFacts>> products, List<String> positiveClasses,
            List<String> negativeClasses) {
        this.matcher = matcher;
        this.facts = products;
        products.forEach((id, list) -> advisories.put(id, list.stream().map(matcher::prepare).toList()));
        positiveClasses.forEach(c -> tallies.put(c, new Tally(c, true)));
        negativeClasses.forEach(c -> tallies.put(c, new Tally(c, false)));
    }

    /** Matched positives the term index would not have offered as candidates (must stay empty). */
    final List<String> indexMisses = new ArrayList<>();

    void run(List<GeneratedCase> cases) {
        for (GeneratedCase c : cases) {
            Tally t = tallies.computeIfAbsent(c.cls(), k -> new Tally(k, c.positive()));
            List<PreparedProduct> products = advisories.get(c.advisoryId());
            var device = matcher.prepare(c.device());
            Optional<MatchResult> result = matcher.match(device, products).flatMap(r -> r.forDevice(c.device()));
            t.cases++;
            // What the matcher matches the term index must offer: the device shares a term with the advisory.
            if (result.isPresent() && c.positive()) {
                java.util.Set<String> terms = new java.util.HashSet<>(org.vigil.matching.index.Terms.of(device));
                if (products.stream().noneMatch(p -> org.vigil.matching.index.Terms.of(p).stream()
                        .anyMatch(terms::contains)) && indexMisses.size() < 1000) {
                    indexMisses.add(c.cls() + " " + c.advisoryId() + " " + c.describeDevice());
                }
            }
            result.ifPresent(r -> t.confidences.merge(r.confidence(), 1, Integer::sum));
            boolean ok = c.positive() ? result.isPresent()
                    : result.isEmpty() || c.tolerated() != null && c.tolerated().atLeast(result.get().confidence());
            if (ok) {
                t.ok++;
            } else if (t.failures.size() < FAILURES_SHOWN) {
                t.failures.add(failure(c, result));
            }
        }
    }

    private String failure(GeneratedCase c, Optional<MatchResult> result) {
        String head = c.advisoryId() + "  device " + c.describeDevice() + "\n        from " + c.source()
                + (c.note() == null ? "" : "  [" + c.note() + "]");
        if (result.isEmpty()) {
            return head + "\n        no finding; the advisory has " + facts.get(c.advisoryId()).size() + " product(s)";
        }
        MatchResult r = result.get();
        return head + "\n        matched " + r.confidence() + (r.needsReview() ? " (review)" : "") + ": "
                + String.join("; ", r.reasons());
    }

    int positiveCases() {
        return tallies.values().stream().filter(t -> t.positive).mapToInt(t -> t.cases).sum();
    }

    int positivesMatched() {
        return tallies.values().stream().filter(t -> t.positive).mapToInt(t -> t.ok).sum();
    }

    int falseMatches() {
        return tallies.values().stream().filter(t -> !t.positive).mapToInt(Tally::wrong).sum();
    }

    /** Matched positives among everything that matched: the share of findings that are right. */
    double precision() {
        int tp = positivesMatched();
        int fp = falseMatches();
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    String report(String title, Map<String, Map<String, Integer>> skips) {
        StringBuilder b = new StringBuilder("\n").append(title).append('\n');
        b.append(String.format("%-22s %6s %8s %7s %6s %6s %6s  %s%n", "positive class", "cases", "matched", "recall",
                "CONF", "LIKE", "POSS", "skipped (why)"));
        for (Tally t : tallies.values()) {
            if (t.positive) {
                b.append(String.format("%-22s %6d %8d %7s %6d %6d %6d  %s%n", t.cls, t.cases, t.ok, fmt(t.rate()),
                        t.confidences.getOrDefault(Confidence.CONFIRMED, 0),
                        t.confidences.getOrDefault(Confidence.LIKELY, 0),
                        t.confidences.getOrDefault(Confidence.POSSIBLE, 0), skipText(skips.get(t.cls))));
            }
        }
        b.append(String.format("%-22s %6s %8s %7s %6s %6s %6s  %s%n", "negative class", "cases", "false", "fm-rate",
                "CONF", "LIKE", "POSS", "specificity; skipped (why)"));
        for (Tally t : tallies.values()) {
            if (!t.positive) {
                double fmRate = t.cases == 0 ? Double.NaN : (double) t.wrong() / t.cases;
                b.append(String.format("%-22s %6d %8d %7s %6d %6d %6d  %s; %s%n", t.cls, t.cases, t.wrong(),
                        fmt(fmRate), t.confidences.getOrDefault(Confidence.CONFIRMED, 0),
                        t.confidences.getOrDefault(Confidence.LIKELY, 0),
                        t.confidences.getOrDefault(Confidence.POSSIBLE, 0), fmt(t.rate()), skipText(skips.get(t.cls))));
            }
        }
        skips.forEach((cls, why) -> {
            if (!tallies.containsKey(cls)) {
                b.append(String.format("%-22s skipped: %s%n", cls, skipText(why)));
            }
        });
        int pos = positiveCases();
        b.append(String.format("all positives: %d of %d matched, recall %s; false matches %d; precision %s%n",
                positivesMatched(), pos, fmt(pos == 0 ? Double.NaN : (double) positivesMatched() / pos),
                falseMatches(), fmt(precision())));
        b.append(String.format("index misses (matched, but no shared term): %d%n", indexMisses.size()));
        indexMisses.stream().limit(15).forEach(m -> b.append("  INDEX MISS ").append(m).append('\n'));
        for (Tally t : tallies.values()) {
            if (!t.failures.isEmpty()) {
                b.append("\n").append(t.positive ? "missed" : "false match").append(" — ").append(t.cls)
                        .append(" (first ").append(t.failures.size()).append(" of ").append(t.wrong()).append(")\n");
                t.failures.forEach(f -> b.append("  ").append(f).append('\n'));
            }
        }
        return b.toString();
    }

    /**
     * A fixed random sample of the generated cases with the leaf text they came from and what the matcher said, to
     * audit the generator by hand (change the sample with {@code -Dgenerated.sample.seed=N}).
     */
    String sample(List<GeneratedCase> cases, int n) {
        List<GeneratedCase> copy = new ArrayList<>(cases);
        java.util.Collections.shuffle(copy, new java.util.Random(Long.getLong("generated.sample.seed", 9L)));
        StringBuilder b = new StringBuilder("\nsample of ").append(Math.min(n, copy.size()))
                .append(" generated cases (audit against the source text):\n");
        for (GeneratedCase c : copy.subList(0, Math.min(n, copy.size()))) {
            Optional<MatchResult> r = matcher.match(matcher.prepare(c.device()), advisories.get(c.advisoryId()))
                    .flatMap(x -> x.forDevice(c.device()));
            b.append(String.format("  %-20s %s %s%n        from %s%s%n        → %s%n", c.cls(), c.advisoryId(),
                    c.describeDevice(), c.source(), c.note() == null ? "" : "  [" + c.note() + "]",
                    r.map(x -> x.confidence().toString()).orElse("no finding")));
        }
        return b.toString();
    }

    /** With {@code -Dgenerated.dump=FILE}: every case and the matcher's answer as tab-separated lines, to grep. */
    void dump(List<GeneratedCase> cases) throws java.io.IOException {
        String file = System.getProperty("generated.dump");
        if (file == null || file.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (GeneratedCase c : cases) {
            Optional<MatchResult> r = matcher.match(matcher.prepare(c.device()), advisories.get(c.advisoryId()))
                    .flatMap(x -> x.forDevice(c.device()));
            lines.add(String.join("\t", c.cls(), c.advisoryId(), c.describeDevice(), c.source(),
                    c.note() == null ? "" : c.note(), r.map(x -> x.confidence().toString()).orElse("-")));
        }
        java.nio.file.Files.write(java.nio.file.Path.of(file), lines);
    }

    private static String skipText(Map<String, Integer> skips) {
        if (skips == null || skips.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        skips.forEach((why, n) -> parts.add(n + " " + why));
        return String.join(", ", parts);
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "-" : String.format("%.3f", d);
    }

    /**
     * The goal, checked on every run that has ../shared: every positive class recall ≥ 0.99, every negative class at most 5 % false matches, overall precision ≥ 0.95.
     */
    void assertGoals() {
        List<Executable> checks = new ArrayList<>();
        for (Tally t : tallies.values()) {
            if (t.cases == 0) {
                continue;
            }
            if (t.positive) {
                checks.add(() -> Assertions.assertTrue(t.rate() >= RECALL_GOAL,
                        t.cls + ": recall " + fmt(t.rate()) + " < " + RECALL_GOAL));
            } else {
                checks.add(() -> Assertions.assertTrue(t.rate() >= PRECISION_GOAL,
                        t.cls + ": " + t.wrong() + " of " + t.cases + " false matches, specificity " + fmt(t.rate())
                                + " < " + PRECISION_GOAL));
            }
        }
        checks.add(() -> Assertions.assertEquals(List.of(), indexMisses.subList(0, Math.min(20, indexMisses.size())),
                indexMisses.size() + " matched cases the term index would miss"));
        checks.add(() -> Assertions.assertTrue(precision() >= PRECISION_GOAL,
                "precision " + fmt(precision()) + " < " + PRECISION_GOAL));
        Assertions.assertAll("generated check goals", checks);
    }
}
