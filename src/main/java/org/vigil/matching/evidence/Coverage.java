package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.matching.evidence.Wording.Role;
import org.vigil.matching.evidence.Wording.Word;

/**
 * Which words of one side the other side also names. A word counts when its stem is there ("monitors" =
 * "monitor"), when it or a run of adjacent words joined equals a run of the other side ("CMS 8000" = "cms8000",
 * "Kardia Mobile" = "KardiaMobile"), when it is a designator whose model numbers the other side has ("CM" of
 * "CM120"), when a model number lies in the other side's range, or through an abbreviation either way.
 */
final class Coverage {

    /** One side read for comparison. */
    record Side(Wording wording, List<String> texts, Set<String> runs, Set<String> stems, Set<String> designators) {
        static Side of(Wording w) {
            List<String> texts = w.texts();
            Set<String> stems = new HashSet<>();
            Set<String> designators = new HashSet<>();
            for (Word x : w.words) {
                if (x.role() != Role.GENERIC) {
                    stems.add(x.stem());
                }
                if (x.role() == Role.CODE) {
                    designators.add(ModelNumbers.designator(x.text()));
                }
            }
            designators.remove("");
            List<String> all = w.words.stream().filter(x -> x.role() != Role.ALIAS).map(Word::text).toList();
            return new Side(w, texts, Coverage.runs(all), stems, designators);
        }
    }

    private Coverage() {
    }

    static Set<String> runs(List<String> tokens) {
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

    /** covered[i]: word i of {@code side} is named by {@code other}. */
    static boolean[] of(Side side, Side other) {
        List<Word> words = side.wording().words;
        boolean[] hit = new boolean[words.size()];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.role() != Role.ALIAS) {
                idx.add(i);
            }
            if (w.role() == Role.GENERIC) {
                continue;
            }
            if (other.stems().contains(w.stem()) || other.runs().contains(w.text())
                    || (w.role() == Role.CODE && other.wording().ranges.stream().anyMatch(r -> r.contains(w.text())))
                    || (w.role() != Role.CODE && w.text().length() >= 2 && other.designators().contains(w.text()))) {
                hit[i] = true;
            }
        }
        // Runs of adjacent words joined: "cms" + "8000" = "cms8000".
        for (int a = 0; a < idx.size(); a++) {
            StringBuilder sb = new StringBuilder(words.get(idx.get(a)).text());
            for (int b = a + 1; b < Math.min(idx.size(), a + 4); b++) {
                sb.append(words.get(idx.get(b)).text());
                if (other.runs().contains(sb.toString())) {
                    for (int k = a; k <= b; k++) {
                        hit[idx.get(k)] = true;
                    }
                }
            }
        }
        // Abbreviations: an alias of this side the other names covers its long form; a word of either side that
        // spells out words of the other covers them.
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.role() == Role.ALIAS && hit[i]) {
                for (int k = w.aliasFrom(); k <= w.aliasTo(); k++) {
                    hit[k] = true;
                }
            }
            if (!hit[i] && w.role() != Role.CODE && w.role() != Role.GENERIC
                    && spelled(Abbreviations.within(w.text(), other.texts()), other)) {
                hit[i] = true;
            }
        }
        for (String abbreviation : other.texts()) {
            int[] span = Abbreviations.within(abbreviation, side.texts());
            if (spelled(span, side)) {
                markTexts(side, hit, span[0], span[1]);
            }
        }
        return hit;
    }

    /** A span of words an abbreviation spells out; one holding an acronym itself ("eAlert MR remote") does not. */
    private static boolean spelled(int[] span, Side side) {
        if (span == null) {
            return false;
        }
        for (int k = span[0]; k <= span[1]; k++) {
            if (side.wording().designators.contains(side.texts().get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Marks the words behind texts[from..to] (texts skip generic words and aliases). */
    private static void markTexts(Side side, boolean[] hit, int from, int to) {
        int t = -1;
        List<Word> words = side.wording().words;
        for (int i = 0; i < words.size(); i++) {
            if (!Wording.runMaterial(words.get(i))) {
                continue;
            }
            t++;
            if (t >= from && t <= to) {
                hit[i] = true;
            }
        }
    }
}
