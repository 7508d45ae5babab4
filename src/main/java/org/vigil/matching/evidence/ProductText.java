package org.vigil.matching.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.vigil.matching.company.ManufacturerNames;

/**
 * Plain word helpers shared by the company and index code: folded tokens, joined runs of adjacent tokens and
 * squashed identifiers. How words are weighed is {@link Wording} and {@link ProductEvidence}.
 */
public final class ProductText {

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

    /** The words themselves plus every run of two to four adjacent words joined ("cms" "8000" → "cms8000"). */
    public static Set<String> runs(List<String> tokens) {
        return Coverage.runs(tokens);
    }

    public static boolean isCode(String token) {
        return token.chars().anyMatch(Character::isDigit);
    }

    /** Letters and digits only, for comparing model and catalog numbers ("REF 8100-01" = "810001"). */
    public static String squash(String s) {
        return s == null ? "" : String.join("", tokens(s));
    }
}
