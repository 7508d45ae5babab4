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
        Set<String> words = ProductText.indexTerms(d.words());
        String catalog = ProductText.squash(d.facts().catalogNumber());
        for (String h : d.heads()) {
            out.add(cut("m:" + h));
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

    public static Set<String> of(PreparedProduct p) {
        Set<String> out = new LinkedHashSet<>();
        List<String> words = new ArrayList<>(p.name());
        words.addAll(p.slotWords());
        words.addAll(p.slotValues());
        Set<String> terms = new LinkedHashSet<>(ProductText.indexTerms(words));
        if (p.facts().modelNumbers() != null) {
            p.facts().modelNumbers().forEach(m -> terms.add(ProductText.squash(m)));
        }
        if (p.facts().catalogNumbers() != null) {
            p.facts().catalogNumbers().forEach(m -> terms.add(ProductText.squash(m)));
        }
        terms.remove("");
        boolean generic = p.name().isEmpty();
        for (String h : p.heads()) {
            if (generic) {
                out.add(cut("m:" + h));
            }
            terms.forEach(w -> out.add(cut("t:" + h + ":" + w)));
        }
        if (p.facts().udiDis() != null) {
            p.facts().udiDis().forEach(u -> out.add(cut("u:" + u)));
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX);
    }
}
