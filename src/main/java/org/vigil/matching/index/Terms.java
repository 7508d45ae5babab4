package org.vigil.matching.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.matching.evidence.Matcher.PreparedDevice;
import org.vigil.matching.evidence.Matcher.PreparedProduct;
import org.vigil.matching.evidence.ProductText;

/**
 * The index terms of devices and products. A device has "m:company" plus "t:company:word" for its distinctive
 * model words; a product has "t:company:word" for its own words, or "m:company" when its name is generic (so
 * every device of that company is a candidate). Any product the {@link Matcher} can match shares a term with
 * the device, so candidates found through the terms lose nothing.
 */
public final class Terms {

    private static final int MAX = 200;

    private Terms() {
    }

    public static Set<String> of(PreparedDevice d) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>(d.words());
        words.addAll(d.codes());
        String catalog = ProductText.squash(d.facts().catalogNumber());
        for (String h : d.heads()) {
            out.add(cut("m:" + h));
            d.abbreviationInitials().forEach(i -> out.add(cut("a:" + h + ":" + i)));
            words.forEach(w -> out.add(cut("t:" + h + ":" + w)));
            if (!catalog.isEmpty()) {
                out.add(cut("t:" + h + ":" + catalog));
            }
        }
        if (d.facts().udiDi() != null && !d.facts().udiDi().isBlank()) {
            out.add(cut("u:" + d.facts().udiDi()));
        }
        return out;
    }

    /**
     * A product's terms: its words and joined pairs, the designators of its model ranges, its abbreviations, and
     * the initials of its word runs ("cic" of "Clinical Information Center"), so a device that writes any of them is
     * a candidate. A name that is nothing but descriptive words makes every device of the company a candidate.
     */
    public static Set<String> of(PreparedProduct p) {
        Set<String> out = new LinkedHashSet<>();
        List<String> words = p.words();
        Set<String> terms = new LinkedHashSet<>(words);
        terms.addAll(initials(words));
        if (p.facts().modelNumbers() != null) {
            p.facts().modelNumbers().forEach(m -> terms.add(ProductText.squash(m)));
        }
        if (p.facts().catalogNumbers() != null) {
            p.facts().catalogNumbers().forEach(m -> terms.add(ProductText.squash(m)));
        }
        terms.remove("");
        boolean broad = p.generic() || p.ranged();
        for (String h : p.heads()) {
            if (broad) {
                out.add(cut("m:" + h));
            }
            p.initials().forEach(i -> out.add(cut("a:" + h + ":" + i)));
            terms.forEach(w -> out.add(cut("t:" + h + ":" + w)));
        }
        if (p.facts().udiDis() != null) {
            p.facts().udiDis().forEach(u -> out.add(cut("u:" + u)));
        }
        return out;
    }

    /** Initials of every run of two to six words: the abbreviations a hospital may write instead. */
    private static Set<String> initials(List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + 6); j++) {
                if (words.get(j).isEmpty() || Character.isDigit(words.get(j).charAt(0))) {
                    break;
                }
                sb.append(words.get(j).charAt(0));
                if (j > i) {
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX);
    }
}
