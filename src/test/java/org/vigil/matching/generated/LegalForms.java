package org.vigil.matching.generated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Company names as hospitals write them: the legal form dropped or added, the case changed. */
final class LegalForms {

    private static final Pattern TRAILING_PAREN = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    private static final Pattern LEGAL_FORM = Pattern.compile("(?i)(?:,?\\s+|\\s*,\\s*)"
            + "(?:inc\\.?|incorporated|llc|l\\.l\\.c\\.|"
            + "ltd\\.?|limited|gmbh|ag|a/s|as|ab|oy|oyj|s\\.a\\.|sa|b\\.v\\.|bv|n\\.v\\.|nv|corp\\.?|corporation|"
            + "co\\.?|company|plc|l\\.p\\.|lp|se|s\\.p\\.a\\.|spa|kg|pty\\.?|& co\\.?|and company)$");

    private LegalForms() {
    }

    /**
     * The name without its trailing note ("(BD)") and legal forms ("Co, Ltd.", "A/S", ", Inc."), or with ", Inc."
     * added when it has none.
     */
    static String toggled(String name) {
        String base = TRAILING_PAREN.matcher(name.strip()).replaceAll("").strip();
        String stripped = strip(base);
        return stripped.equals(base) ? base + ", Inc." : stripped;
    }

    static String strip(String name) {
        String t = name.strip();
        for (int i = 0; i < 4; i++) {
            Matcher m = LEGAL_FORM.matcher(t);
            if (!m.find() || m.start() == 0) {
                break;
            }
            t = t.substring(0, m.start()).strip().replaceAll(",$", "").strip();
        }
        return t.isEmpty() ? name.strip() : t;
    }

    /** Upper case, or lower case when it already is upper case. */
    static String recased(String name) {
        String up = name.strip().toUpperCase(Locale.ROOT);
        return up.equals(name.strip()) ? name.strip().toLowerCase(Locale.ROOT) : up;
    }

    /** The legal-form variant and the case variant. */
    static List<String> variants(String name) {
        List<String> out = new ArrayList<>();
        out.add(toggled(name));
        out.add(recased(name));
        return out;
    }
}
