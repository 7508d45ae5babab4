package org.vigil.matching.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The descriptive words of {@code vocabulary.txt}: [generic] words never count, [kind] words say what kind of
 * product something is and count only when a name has nothing more distinctive. Read once, compared by stem.
 */
final class Vocabulary {

    private static final Set<String> GENERIC = new HashSet<>();
    private static final Set<String> KIND = new HashSet<>();

    static {
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> target = GENERIC;
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[")) {
                    target = t.equals("[kind]") ? KIND : GENERIC;
                    continue;
                }
                for (String w : t.split("\\s+")) {
                    target.add(w);
                    target.add(Stems.of(w));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("matching vocabulary unreadable", e);
        }
        KIND.removeAll(GENERIC);
    }

    private Vocabulary() {
    }

    static boolean generic(String word) {
        return GENERIC.contains(word) || GENERIC.contains(Stems.of(word));
    }

    static boolean kind(String word) {
        return KIND.contains(word) || KIND.contains(Stems.of(word));
    }
}
