package org.vigil.matching.company;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Manufacturer and vendor names reduced to comparable keys: "Contec Medical Systems Co., Ltd." → "contec",
 * "Innokas YhtymÃ¤ Oy" → "innokas yhtymae", "B. Braun Melsungen AG" → "bbraun melsungen". Legal forms and
 * descriptive words (Inc, GmbH, Medical Systems, Healthcare) are dropped; one string naming several companies
 * ("Hillrom and ELI, Baxter International Inc.") gives several keys.
 */
public final class ManufacturerNames {

    /** Legal forms, descriptive words and places that never tell two companies apart. */
    private static final Set<String> NOISE = Set.of("inc", "incorporated", "ltd", "limited", "llc", "lp", "llp",
            "gmbh", "mbh", "ag", "kg", "kgaa", "co", "corp", "corporation", "company", "companies", "plc", "sa", "sas",
            "sarl", "spa", "srl", "nv", "bv", "oy", "oyj", "ab", "as", "asa", "aps", "kk", "pty", "pte", "pvt", "sl",
            "se", "hf", "ehf", "sro", "spzoo", "zrt", "kft", "ooo", "international", "intl", "group", "holding", "holdings", "the", "medical", "systems", "system",
            "healthcare", "health", "technologies", "technology", "solutions", "usa", "us", "america", "americas",
            "north", "europe", "deutschland", "germany", "japan", "uk", "div", "division", "operating", "dba");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:[,;/]|\\band\\b(?!\\s*co\\b)|\\(|\\)|\\boperating as\\b)\\s*",
            Pattern.CASE_INSENSITIVE);

    private ManufacturerNames() {
    }

    /** The comparable keys of a name; empty when nothing distinctive is left. */
    public static List<String> keys(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        // "A/S" is a legal form, not two companies.
        String text = repairMojibake(name).replaceAll("\\b([A-Za-z])/([A-Za-z])\\b", "$1$2");
        Set<String> keys = new LinkedHashSet<>();
        String whole = key(text);
        for (String part : SPLIT.split(text)) {
            String k = key(part);
            if (!k.isEmpty()) {
                keys.add(k);
            }
        }
        // "Smiths Medical ASD, Inc." splits into a name and a legal form: the parts say the same as the whole.
        if (keys.size() <= 1 && !whole.isEmpty()) {
            return List.of(keys.isEmpty() ? whole : keys.iterator().next());
        }
        return List.copyOf(keys);
    }

    /** One key for one company name (no splitting). */
    public static String key(String name) {
        // Legal forms written with dots or a slash ("A/S", "S.p.A.", "S.A.") are one word.
        String t = fold(repairMojibake(name)).replace("&", " ")
                .replaceAll("\\b([a-z])[./]([a-z])[./]([a-z])\\b\\.?", "$1$2$3")
                .replaceAll("\\b([a-z])[./]([a-z])\\b\\.?", "$1$2");
        t = t.replaceAll("[^a-z0-9]+", " ").strip();
        List<String> tokens = new ArrayList<>(Arrays.asList(t.split(" ")));
        tokens.removeIf(s -> s.isEmpty() || NOISE.contains(s));
        // "B. Braun", "B Braun" and "BBraun" are one company: a lone initial joins the next word.
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String s = tokens.get(i);
            if (s.length() == 1 && Character.isLetter(s.charAt(0)) && i + 1 < tokens.size()) {
                tokens.set(i + 1, s + tokens.get(i + 1));
                continue;
            }
            out.add(s);
        }
        return String.join(" ", out);
    }

    /** Lower case, German umlauts spelled out (Dräger = Draeger), other diacritics dropped. */
    public static String fold(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return t.replace('\uFFFD', ' ');
    }

    /**
     * UTF-8 read as Latin-1 ("YhtymÃ¤" for "Yhtymä"): re-decode when the text has the telltale Ã/Â pairs and the
     * result is clean. A lost character (U+FFFD, "G\uFFFDteborg") cannot be repaired and is only blanked by fold.
     */
    public static String repairMojibake(String s) {
        if (s.indexOf('Ã') < 0 && s.indexOf('Â') < 0) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        return decoded.indexOf('\uFFFD') >= 0 || !s.chars().allMatch(c -> c < 256) ? s : decoded;
    }
}
