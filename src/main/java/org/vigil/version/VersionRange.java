package org.vigil.version;

/**
 * A version range as advisories write it. This first cut only knows "all versions"; the matching work
 * (issue 5) grows it into the full grammar (vers:, operators, lists, wildcards, prose).
 */
public final class VersionRange {

    public static final String UNPARSEABLE = "unparseable";

    private final String canonical;

    private VersionRange(String canonical) {
        this.canonical = canonical;
    }

    public static VersionRange parse(String text) {
        if (text == null) {
            return new VersionRange(UNPARSEABLE);
        }
        String t = text.strip();
        if (t.equals("vers:all/*") || t.equals("*")) {
            return new VersionRange("*");
        }
        return new VersionRange(UNPARSEABLE);
    }

    /** The range in canonical form ("*", "&gt;=1.0|&lt;2.0", ...) or {@link #UNPARSEABLE}. */
    public String canonical() {
        return canonical;
    }
}
