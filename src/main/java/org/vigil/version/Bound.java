package org.vigil.version;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a clause: a version, or a whole release line. A bare release letter ("K"), a bare major ("8"), a
 * series head ("U61", "BT03", "HD16") and a wildcard ("3.x", "12.2.x.x", "C.0x") name a line: every version that
 * starts with it belongs to it, so {@code <= K} covers K.01 and {@code < 3.x} (below line 3) excludes 3.2.
 */
record Bound(Version version, boolean line, boolean wildcard) {

    /** "3.x", "12.2.x.x", "5.X", "C.0x", "8.*": the text before the first wildcard is the line. */
    private static final Pattern WILDCARD = Pattern.compile("^(?i)(.*?[a-z0-9])\\.(?:x|\\*|\\d+x)(?:\\.(?:x|\\*))*$");
    /** "HD 16" is the series HD16. */
    private static final Pattern SPACED_SERIES = Pattern.compile("^([A-Za-z]{1,4})\\s+(\\d+)$");
    /** "S4 A.07.107" (SureSigns VS4): a short model code before a release-letter version is not part of it. */
    private static final Pattern MODEL_CODE = Pattern.compile("^[A-Za-z]+\\d+\\s+(?=[A-Za-z]\\.\\d)");
    /** "V9.40_installed_on_CP150_devices" → "V9.40"; "3.0 D15" and "1.8.4 Service Pack 01" stay whole. */
    private static final Pattern PROSE_TAIL = Pattern.compile("(?i)(?:_(?!build|bn\\d)(?=[a-z]{3,})|\\s+(?!build\\b)"
            + "(?=[a-z]{4,})).*$");
    private static final Pattern SERVICE_PACK = Pattern.compile("(?i)\\bservice\\s*pack\\b");

    /** Null when the text is no version. */
    static Bound parse(String raw) {
        String t = clean(raw);
        Matcher w = WILDCARD.matcher(t);
        if (w.matches()) {
            Version v = Version.parse(w.group(1));
            return v == null ? null : new Bound(v, true, true);
        }
        Matcher s = SPACED_SERIES.matcher(t);
        if (s.matches()) {
            t = s.group(1) + s.group(2);
        }
        Version v = Version.parse(t);
        return v == null ? null : new Bound(v, namesLine(v.segments()), false);
    }

    /** Bounds are written with notes: "053L000091 (global)", "V9.40_installed_on_…", "S4 A.07.107". */
    static String clean(String raw) {
        String t = SERVICE_PACK.matcher(raw.strip().replaceAll("\\s*\\(.*$", "")).replaceAll("SP");
        t = PROSE_TAIL.matcher(t).replaceFirst("");
        return MODEL_CODE.matcher(t).replaceFirst("").strip();
    }

    /** [8], [K], [U, 61]: a single number, a single letter, or letters and one number. */
    private static boolean namesLine(List<Object> s) {
        return s.size() == 1 || (s.size() == 2 && s.get(0) instanceof String && s.get(1) instanceof Long);
    }

    /** Where {@code v} stands against this bound, null when they are of different series. */
    Integer compare(Version v) {
        return v.compareTo(version, line ? version.segments().size() : Integer.MAX_VALUE);
    }

    String canonical() {
        if (!wildcard) {
            return version.text();
        }
        return String.join(".", version.segments().stream().map(s -> String.valueOf(s).toUpperCase(Locale.ROOT))
                .toList()) + ".*";
    }
}
