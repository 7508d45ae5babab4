package org.vigil.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison half of version semantics: a version as dotted alphanumeric segments. "1.7.15b" is [1, 7, 15, b],
 * "012U000061" is [12, U, 61], Philips "Rev. K.01" is [K, 1]. Numbers compare as numbers (1.9 &lt; 1.11), words
 * case-insensitively, release letters in order (J &lt; K &lt; L); a longer version with a non-zero tail is later
 * (1.7.15b is not before 1.7.15). Two versions of different series (U61 vs L81, VF9.1 vs VG3.1) are incomparable.
 */
public final class Version {

    /** "FW v2.0.6", "SW 3.1.1", "Rev. K.01", "Rel. 1.4.3", "LPI 3.5.12": the marker says what it is, not which. */
    private static final Pattern PREFIX = Pattern.compile("^(?i)(?:(?:firmware|software|fw|sw|version|ver|revision"
            + "|rev|release|rel|build|lpi)(?:[\\s.:_-]+|(?=\\d)))?v?(?=\\d|[a-z](?:[.\\s]|$))");
    /** "14.0.1_Build_2024-02-28", "1.2 build 77", "3.0.11.5_BN9", "1.4.2.0-9d9eff4", "5.17.1-754993421". */
    private static final Pattern BUILD = Pattern.compile("(?i)[\\s_.-]*\\(?build\\b.*$|[\\s_.-]*_build.*$|_bn\\d+$"
            + "|-(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\\d)[0-9a-f]{7,40}$|-\\d{6,}$");
    /** "1.8.4 Service Pack 01" is 1.8.4 SP 1, which 1.8.4 comes before. */
    private static final Pattern SERVICE = Pattern.compile("(?i)\\bservice\\s*pack\\b");
    /** "VG60A (Windows 7)": a note after the version is not part of it. */
    private static final Pattern NOTE = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    /** "U61", "VF9.1": letters glued to the number name a series; "B.06.18" (Philips) is a release letter. */
    private static final Pattern SERIES = Pattern.compile("^[A-Za-z]+\\d");
    /** A release letter alone ("K", "Rev N"); a longer word without a digit ("unknown", "N/A") is no version. */
    private static final Pattern LETTER = Pattern.compile("^[A-Za-z]$");

    private final String text;
    private final List<Object> segments;
    private final boolean series;

    private Version(String text, List<Object> segments, boolean series) {
        this.text = text;
        this.segments = segments;
        this.series = series;
    }

    /** Null when there is nothing version-like (blank, a word such as "unknown", no digit and no release letter). */
    public static Version parse(String raw) {
        if (raw == null) {
            return null;
        }
        String t = NOTE.matcher(raw.strip()).replaceFirst("");
        t = PREFIX.matcher(t).replaceFirst("");
        t = BUILD.matcher(t).replaceFirst("");
        t = SERVICE.matcher(t).replaceAll("SP");
        if (t.isEmpty() || (t.chars().noneMatch(Character::isDigit) && !LETTER.matcher(t).matches())) {
            return null;
        }
        List<Object> segs = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int kind = 0; // 1 digit, 2 letter
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int k = Character.isDigit(c) ? 1 : Character.isLetter(c) ? 2 : 0;
            if (k != kind && cur.length() > 0) {
                segs.add(segment(cur.toString(), kind));
                cur.setLength(0);
            }
            if (k != 0) {
                cur.append(c);
            }
            kind = k;
        }
        if (cur.length() > 0) {
            segs.add(segment(cur.toString(), kind));
        }
        return new Version(raw.strip(), List.copyOf(segs), SERIES.matcher(t).find());
    }

    private static Object segment(String s, int kind) {
        if (kind == 1) {
            String digits = s.replaceFirst("^0+(?=\\d)", "");
            return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    public String text() {
        return text;
    }

    public List<Object> segments() {
        return segments;
    }

    /**
     * Negative, zero or positive like {@link Comparable}, or null when the two are of different series. Series
     * written with a numeric prefix are aligned: B. Braun "U61" is "012U000061" ([12, U, 61] vs [U, 61]).
     */
    public Integer compareTo(Version other) {
        return compareTo(other, Integer.MAX_VALUE);
    }

    /**
     * As {@link #compareTo(Version)}, looking only at the first {@code depth} segments of this version once aligned:
     * against a release line such as "8" or "K", 8.3 and K.01 compare equal (they belong to it).
     */
    Integer compareTo(Version other, int depth) {
        List<Object> a = segments;
        List<Object> b = other.segments;
        if (!a.isEmpty() && !b.isEmpty() && a.get(0) instanceof String != b.get(0) instanceof String) {
            List<Object> aligned = align(a, b);
            if (aligned != null) {
                return compare(cut(aligned, depth), b);
            }
            aligned = align(b, a);
            return aligned == null ? null : negate(compare(cut(a, depth), aligned));
        }
        if (!a.isEmpty() && !b.isEmpty() && a.get(0) instanceof String s && !s.equals(b.get(0))
                && (series || other.series)) {
            return null;
        }
        return compare(cut(a, depth), b);
    }

    private static List<Object> cut(List<Object> s, int depth) {
        return s.size() > depth ? s.subList(0, depth) : s;
    }

    /** The tail of {@code longer} from where {@code lead}'s leading word starts, if only numbers come before it. */
    private static List<Object> align(List<Object> longer, List<Object> lead) {
        if (!(lead.get(0) instanceof String word)) {
            return null;
        }
        for (int i = 0; i < longer.size(); i++) {
            Object s = longer.get(i);
            if (s instanceof String) {
                return s.equals(word) ? longer.subList(i, longer.size()) : null;
            }
        }
        return null;
    }

    private static Integer negate(Integer v) {
        return v == null ? null : -v;
    }

    private static Integer compare(List<Object> a, List<Object> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = i < a.size() ? a.get(i) : null;
            Object y = i < b.size() ? b.get(i) : null;
            int c;
            if (x == null) {
                c = isZero(y) ? 0 : -1;
            } else if (y == null) {
                c = isZero(x) ? 0 : 1;
            } else if (x instanceof Long lx && y instanceof Long ly) {
                c = Long.compare(lx, ly);
            } else if (x instanceof String sx && y instanceof String sy) {
                c = sx.compareTo(sy);
            } else {
                // 1.0.5 vs 1.0.b: a number against a word at the same place; numbers sort first, as in Maven.
                c = x instanceof Long ? -1 : 1;
            }
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return 0;
    }

    private static boolean isZero(Object o) {
        return o instanceof Long l && l == 0L;
    }

    @Override
    public String toString() {
        return text;
    }
}
