package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.matching.company.ManufacturerNames;

/**
 * Model and product names as comparable words. "CMS8000", "CMS 8000" and "CMS-8000" meet through runs: adjacent
 * words are also compared joined ("cms"+"8000" = "cms8000", "wi"+"fi" = "wifi"). Generic words ("patient monitor",
 * "firmware", "infusion pump") describe a kind of device, not which one, so they never decide a match.
 */
public final class ProductText {

    static final Set<String> GENERIC = Set.of("patient", "monitor", "monitors", "monitoring", "firmware",
            "software", "sw", "fw", "hw", "system", "systems", "pump", "pumps", "infusion", "syringe", "wireless",
            "device", "devices", "medical", "model", "models", "mod", "no", "nr", "number", "with", "w", "and", "or",
            "the", "of", "for", "in", "on", "by", "to", "a", "an", "version", "versions", "ver", "hardware", "module",
            "modules", "unit", "units", "series", "application", "app", "icu", "ccu", "nicu", "picu", "handheld",
            "portable", "transport", "bedside", "central", "point", "care", "critical", "vital", "signs", "sign",
            "ventilator", "ventilators", "defibrillator", "defibrillators", "bed", "beds", "reader", "meter",
            "scanner", "analyzer", "analyser", "enabled", "option", "options", "integrated", "part", "installed",
            "based", "all", "product", "products", "family", "line", "equipment", "instrument", "instruments",
            "use", "used", "new", "type", "kit", "set", "cart", "only", "other", "various", "certain", "including");

    private ProductText() {
    }

    /** Lower-case words, split at anything that is not a letter or digit; diacritics folded. */
    public static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String t = ManufacturerNames.fold(ManufacturerNames.repairMojibake(text)).replaceAll("[^a-z0-9]+", " ").strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split(" "));
    }

    /** Tokens without generic words and without the words of the company name itself ("Hamilton T1" → t1). */
    public static List<String> significant(String text, Set<String> companyWords) {
        List<String> out = new ArrayList<>();
        for (String t : tokens(text)) {
            if (!GENERIC.contains(t) && !companyWords.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The words themselves plus every run of two to four adjacent words joined. */
    public static Set<String> runs(List<String> tokens) {
        Set<String> out = new LinkedHashSet<>(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder sb = new StringBuilder(tokens.get(i));
            for (int j = i + 1; j < Math.min(tokens.size(), i + 4); j++) {
                sb.append(tokens.get(j));
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** Words plus joined pairs: what the match index stores, so either spelling finds the other. */
    public static Set<String> indexTerms(List<String> tokens) {
        Set<String> out = new LinkedHashSet<>(tokens);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            out.add(tokens.get(i) + tokens.get(i + 1));
        }
        return out;
    }

    /**
     * Which of {@code words} are present in {@code other}: a word counts when it, or a run of adjacent words it is
     * part of, equals a word or run of the other side.
     */
    public static boolean[] covered(List<String> words, Set<String> otherRuns) {
        boolean[] hit = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + 4); j++) {
                sb.append(words.get(j));
                if (otherRuns.contains(sb.toString())) {
                    for (int k = i; k <= j; k++) {
                        hit[k] = true;
                    }
                }
            }
        }
        return hit;
    }

    public static boolean isCode(String token) {
        return token.chars().anyMatch(Character::isDigit);
    }

    /** Letters and digits only, for comparing model and catalog numbers ("REF 8100-01" = "810001"). */
    public static String squash(String s) {
        return s == null ? "" : String.join("", tokens(s));
    }
}
