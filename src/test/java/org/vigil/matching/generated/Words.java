package org.vigil.matching.generated;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word lists and small text helpers of the generator: which product words are descriptive (a hospital drops or adds
 * them freely), stop words, and words compared without case and plural.
 */
final class Words {

    /** Words that say what kind of thing a product is, not which product line: weak evidence either way. */
    static final Set<String> DESCRIPTIVE = Set.of("monitor", "monitoring", "system", "software", "application",
            "app", "android", "ios", "mobile", "device", "unit", "pump", "station", "workstation", "server",
            "platform", "patient", "analyzer", "analyser", "instrument", "machine", "module", "solution", "suite",
            "series", "family", "product", "firmware", "model", "number", "version", "controller", "programmer",
            "reader", "viewer", "portal", "web", "cloud", "data", "collection", "control", "operating", "energy",
            "infusion", "syringe", "wireless", "remote", "central", "clinical", "medical", "health", "imaging",
            "information", "management", "service", "tool", "kit", "handheld", "ventilation", "electrocardiograph",
            "cardiograph", "resting", "ecg", "testing", "test", "cardiac", "stress", "analysis", "vital", "sign",
            "hub", "integration", "infrastructure", "database", "generator", "processor", "gateway", "receiver",
            "telemetry", "backend", "framework", "automated", "recorder", "bioreactor", "scanner", "ultrasound",
            "computer", "terminal", "delivery", "interface", "connectivity", "engine",
            "sorter", "cell", "ventilator", "chair", "electric", "power", "bed", "extended", "care", "internet",
            "based", "embedded", "stack");
    static final Set<String> STOP = Set.of("of", "and", "the", "with", "for", "in", "on", "to", "a", "an", "or",
            "w", "used", "only", "including", "includes", "by", "as", "at", "all", "its", "not");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+");

    private Words() {
    }

    /** Lower case, a plural 's' dropped: "Monitors" and "monitor" are one word. */
    static String norm(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.matches(".*\\d.*")
                ? w.substring(0, w.length() - 1) : w;
    }

    /** The alphanumeric words of a text, normalized. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(norm(m.group()));
        }
        return out;
    }

    static Set<String> wordSet(String text) {
        return new LinkedHashSet<>(words(text));
    }

    static boolean descriptive(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String w = norm(word);
        return DESCRIPTIVE.contains(w) || STOP.contains(w) || DESCRIPTIVE.contains(lower) || STOP.contains(lower);
    }

    /** Runs of digits in a text ("MX400-550" → 400, 550). */
    static Set<String> digitRuns(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = Pattern.compile("\\d+").matcher(text);
        while (m.find()) {
            out.add(m.group().replaceFirst("^0+(?=\\d)", ""));
        }
        return out;
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** A stable pseudo-random choice: the same inputs always pick the same element. */
    static <T> T pick(List<T> list, String seed) {
        return list.get(Math.floorMod(seed.hashCode(), list.size()));
    }
}
