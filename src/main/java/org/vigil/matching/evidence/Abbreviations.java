package org.vigil.matching.evidence;

import java.util.List;
import org.vigil.matching.evidence.Wording.Role;
import org.vigil.matching.evidence.Wording.Word;

/**
 * Abbreviations and their long forms, found with the Schwartz–Hearst rule (Pacific Symposium on Biocomputing
 * 2003): every letter of the short form occurs, in order, in the long form, the first one at the start of its first
 * word. "(CVSM)" after "Connex Vital Signs Monitor", "(DB)" after "Database", "ISCV" for "IntelliSpace
 * Cardiovascular".
 */
final class Abbreviations {

    private Abbreviations() {
    }

    /**
     * A parenthetical just read (words from {@code start} on): a single word that abbreviates the words before it
     * becomes their alias; other descriptive words in parentheses become context.
     */
    static void markParenthetical(List<Word> words, int start) {
        int n = words.size() - start;
        if (n == 1) {
            Word w = words.get(start);
            if (w.role() != Role.CODE && w.text().length() >= 2) {
                int from = span(w.text(), words.subList(0, start).stream().map(Word::text).toList());
                if (from >= 0) {
                    words.set(start, new Word(w.text(), w.stem(), Role.ALIAS, w.group(), true, from, start - 1, w.slot()));
                    return;
                }
            }
        }
        if (n > 1) {
            for (int i = start; i < words.size(); i++) {
                Word w = words.get(i);
                if (w.role() != Role.CODE) {
                    words.set(i, new Word(w.text(), w.stem(), w.role(), w.group(), true, -1, -1, w.slot()));
                }
            }
        }
    }

    /**
     * The index in {@code words} where the long form of {@code abbreviation} starts when the words ending at the last
     * one spell it out, or -1. The shortest such span wins; it may be at most one word longer than the abbreviation.
     */
    static int span(String abbreviation, List<String> words) {
        if (abbreviation.chars().anyMatch(Character::isDigit)) {
            return -1;
        }
        int max = Math.min(words.size(), abbreviation.length() + 1);
        for (int k = 1; k <= max; k++) {
            List<String> span = words.subList(words.size() - k, words.size());
            if (k == 1 && abbreviation.length() > 2 && !span.get(0).startsWith(abbreviation.substring(0, 1))) {
                continue;
            }
            if (spells(abbreviation, String.join(" ", span))) {
                return words.size() - k;
            }
        }
        return -1;
    }

    /** Schwartz–Hearst: the short form's letters right to left in the long form, the first at position 0. */
    static boolean spells(String shortForm, String longForm) {
        if (longForm.isEmpty() || longForm.charAt(0) != shortForm.charAt(0) || shortForm.equals(longForm)) {
            return false;
        }
        int l = longForm.length() - 1;
        for (int s = shortForm.length() - 1; s > 0; s--) {
            char c = shortForm.charAt(s);
            while (l > 0 && longForm.charAt(l) != c) {
                l--;
            }
            if (l <= 0) {
                return false;
            }
            l--;
        }
        return true;
    }

    /**
     * Where {@code abbreviation} (written without parentheses, three letters or more) spells out two or more
     * consecutive words of {@code words}, each contributing its first letter: [from, to], or null.
     */
    static int[] within(String abbreviation, List<String> words) {
        int len = abbreviation.length();
        if (len < 3 || len > 6 || abbreviation.chars().anyMatch(Character::isDigit) || Vocabulary.generic(abbreviation)
                || Vocabulary.kind(abbreviation)) {
            return null;
        }
        for (int from = 0; from < words.size(); from++) {
            if (words.get(from).isEmpty() || words.get(from).charAt(0) != abbreviation.charAt(0)) {
                continue;
            }
            for (int to = from + 1; to < Math.min(words.size(), from + len); to++) {
                if (len > 2 * (to - from + 1)) {
                    continue;
                }
                List<String> span = words.subList(from, to + 1);
                if (span.stream().anyMatch(w -> w.isEmpty() || w.chars().anyMatch(Character::isDigit))) {
                    break;
                }
                if (initials(abbreviation, 0, span, 0)) {
                    return new int[] {from, to};
                }
            }
        }
        return null;
    }

    /**
     * Written without parentheses an abbreviation must be the words' initials; a long compound word may give two
     * letters ("IntelliSpace Cardiovascular" = ISCV), a short one only its first.
     */
    private static boolean initials(String a, int i, List<String> words, int j) {
        if (j == words.size()) {
            return i == a.length();
        }
        if (i == a.length() || words.get(j).charAt(0) != a.charAt(i)) {
            return false;
        }
        if (initials(a, i + 1, words, j + 1)) {
            return true;
        }
        String w = words.get(j);
        return w.length() >= 8 && i + 1 < a.length() && w.indexOf(a.charAt(i + 1), 1) > 0
                && initials(a, i + 2, words, j + 1);
    }
}
