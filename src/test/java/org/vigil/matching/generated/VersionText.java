package org.vigil.matching.generated;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator's own, deliberately conservative reading of an advisory's version text: a version a hospital
 * could record that is certainly inside it, and, for plain upper bounds and exact lists of numbers only, a version
 * certainly above it. It is independent of {@code org.vigil.version} on purpose: the check measures the matcher,
 * so it must not share its reading. Anything it is not sure of ("< august 28", "U61", "BT06", "5.17.1-754993421")
 * is unreadable, and the leaf is skipped for the classes that need a version.
 */
final class VersionText {

    enum Kind {
        /** Every version is affected ({@code vers:all/*}, {@code *}, blank). */
        ANY,
        READ,
        UNREADABLE
    }

    /**
     * @param inRange   a version inside, written plainly ("1.51", "K.01"); null when unreadable
     * @param upper     the highest affected version when it is a plain dotted number and the text bounds versions
     *                  from above; null when unbounded or unknown
     * @param plainUpper true when the text is only {@code <}/{@code <=} bounds or an exact list of plain numbers:
     *                  the only texts a version above {@code upper} is derived for
     */
    record Reading(Kind kind, String inRange, String upper, boolean plainUpper) {

        /** A version clearly above everything this text covers, or null when not derived for it. */
        String above() {
            return plainUpper && upper != null ? nextMajor(upper) : null;
        }
    }

    private static final Pattern NUM = Pattern.compile("[vV]?(\\d+(?:\\.\\d+)*)");
    private static final Pattern NUMX = Pattern.compile("[vV]?(\\d+(?:\\.\\d+)*)((?:\\.[xX])+)");
    private static final Pattern LETTERDOT = Pattern.compile("([A-Z])\\.(\\d+(?:\\.\\d+)*)");
    private static final Pattern LETTER = Pattern.compile("[A-Z]");
    private static final Pattern NUM_LETTER = Pattern.compile("(\\d+(?:\\.\\d+)+)([A-Z])");
    private static final Pattern PART = Pattern.compile("(<=|>=|<|>|=)?\\s*(\\S+)");
    private static final Pattern AND_BELOW = Pattern.compile("(\\S+)\\s+and\\s+below", Pattern.CASE_INSENSITIVE);
    private static final Pattern REV_RANGE = Pattern.compile("Rev\\.?\\s*([A-Z])\\s*-\\s*([A-Z])");

    private enum Type {
        NUM, NUMX, LETTERDOT, LETTER, NUM_LETTER
    }

    private record Value(Type type, String text) {
    }

    private record Part(String op, Value value) {
    }

    private VersionText() {
    }

    static Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Reading(Kind.ANY, "1.0", null, false);
        }
        String t = text.strip();
        if (t.startsWith("vers:")) {
            int slash = t.indexOf('/');
            t = slash < 0 ? "" : t.substring(slash + 1).strip();
        }
        // "*" alone or with a note ("* (end-of-life 2011)"): every version.
        if (t.isEmpty() || t.startsWith("*")) {
            return new Reading(Kind.ANY, "1.0", null, false);
        }
        Matcher below = AND_BELOW.matcher(t);
        if (below.matches()) {
            t = "<= " + below.group(1);
        }
        // Philips "Rev J-M | (X3/MX100 for Rev M only)": the letter range, the note after it aside.
        Matcher rev = REV_RANGE.matcher(t.split("\\|")[0].strip());
        if (rev.matches()) {
            char lo = rev.group(1).charAt(0);
            char hi = rev.group(2).charAt(0);
            return lo < hi ? new Reading(Kind.READ, (char) (lo + 1) + ".01", null, false) : unreadable();
        }
        // A note in parentheses ("v6.x (with Wireless Battery Modules v9 | v11 ...)") makes the pipes ambiguous.
        if (t.contains("(") || t.contains(")")) {
            return unreadable();
        }
        List<Part> parts = new ArrayList<>();
        boolean allRead = true;
        boolean unreadWords = false;
        for (String raw : t.split("\\|")) {
            if (raw.isBlank()) {
                continue;
            }
            Part p = part(raw.strip());
            if (p == null) {
                allRead = false;
                unreadWords |= raw.strip().contains(" ") || raw.matches(".*[<>=].*");
            } else {
                parts.add(p);
            }
        }
        if (unreadWords) {
            // "A.01 <= C.0x | 4.0", "Product ID/Reorder number 19191 | 40160": not a list of versions.
            return unreadable();
        }
        if (parts.isEmpty()) {
            return unreadable();
        }
        boolean lower = parts.stream().anyMatch(p -> p.op().startsWith(">"));
        boolean upperOp = parts.stream().anyMatch(p -> p.op().startsWith("<"));
        boolean exact = parts.stream().allMatch(p -> p.op().isEmpty() || p.op().equals("="));
        if (lower && upperOp) {
            // An interval ">= A | <= B": both ends must be read; A itself is inside.
            if (!allRead || parts.size() != 2) {
                return unreadable();
            }
            Part lo = parts.stream().filter(p -> p.op().startsWith(">")).findFirst().orElseThrow();
            Part hi = parts.stream().filter(p -> p.op().startsWith("<")).findFirst().orElseThrow();
            if (lo.op().equals(">")) {
                return unreadable();
            }
            String in = inside(lo);
            return in == null ? unreadable() : new Reading(Kind.READ, in, plain(hi.value()), false);
        }
        if (lower) {
            if (!allRead || parts.size() != 1 || parts.get(0).op().equals(">")) {
                return unreadable();
            }
            String in = inside(parts.get(0));
            return in == null ? unreadable() : new Reading(Kind.READ, in, null, false);
        }
        if (upperOp && !exact) {
            if (!allRead || parts.stream().anyMatch(p -> !p.op().startsWith("<"))) {
                return unreadable();
            }
            String in = inside(parts.get(0));
            String max = max(parts);
            return in == null ? unreadable() : new Reading(Kind.READ, in, max, max != null);
        }
        // An exact list: any listed member is inside; the list is bounded only when every member was read.
        String in = null;
        for (Part p : parts) {
            in = in != null ? in : inside(p);
        }
        String max = allRead ? max(parts) : null;
        return in == null ? unreadable() : new Reading(Kind.READ, in, max, max != null);
    }

    private static Reading unreadable() {
        return new Reading(Kind.UNREADABLE, null, null, false);
    }

    private static Part part(String raw) {
        Matcher m = PART.matcher(raw);
        if (!m.matches()) {
            return null;
        }
        Value v = value(m.group(2));
        return v == null ? null : new Part(m.group(1) == null ? "" : m.group(1), v);
    }

    private static Value value(String s) {
        Matcher m;
        if ((m = NUMX.matcher(s)).matches()) {
            return new Value(Type.NUMX, m.group(1) + m.group(2).toLowerCase());
        }
        if ((m = NUM.matcher(s)).matches()) {
            // A bare number of three or more digits is a model ("620 | 650 | 650c", "3120"), not a release.
            return m.group(1).contains(".") || m.group(1).length() <= 2 ? new Value(Type.NUM, m.group(1)) : null;
        }
        if (LETTERDOT.matcher(s).matches()) {
            return new Value(Type.LETTERDOT, s);
        }
        if (LETTER.matcher(s).matches()) {
            return new Value(Type.LETTER, s);
        }
        if (NUM_LETTER.matcher(s).matches()) {
            return new Value(Type.NUM_LETTER, s);
        }
        return null;
    }

    /** A version inside one constraint, or null when none is certain. */
    private static String inside(Part p) {
        Value v = p.value();
        boolean strict = p.op().equals("<");
        return switch (v.type()) {
            case NUM -> strict ? decrement(v.text()) : v.text();
            case NUMX -> {
                if (!strict) {
                    yield v.text().replace("x", "0");
                }
                int major = Integer.parseInt(v.text().split("\\.")[0]);
                yield major > 0 ? (major - 1) + ".9" : null;
            }
            case LETTERDOT -> {
                if (!strict) {
                    yield v.text();
                }
                String dec = decrement(v.text().substring(2));
                yield dec == null ? null : v.text().substring(0, 2) + dec;
            }
            case LETTER -> {
                char c = v.text().charAt(0);
                if (p.op().startsWith("<")) {
                    yield c > 'A' ? (char) (c - 1) + ".01" : null;
                }
                yield c + ".01";
            }
            case NUM_LETTER -> strict ? null : v.text();
        };
    }

    /** The highest plain number among the parts, or null when any part is not a plain number. */
    private static String max(List<Part> parts) {
        String max = null;
        for (Part p : parts) {
            String n = plain(p.value());
            if (n == null) {
                return null;
            }
            max = max == null || compare(n, max) > 0 ? n : max;
        }
        return max;
    }

    private static String plain(Value v) {
        return v.type() == Type.NUM ? v.text() : null;
    }

    /** "1.52" → "1.51", "3.0" → "2.9", "1.7.0.0" → "1.6.9.9", "2.43.02" → "2.43.01"; null for "0" or "0.0". */
    static String decrement(String dotted) {
        String[] c = dotted.split("\\.");
        int i = c.length - 1;
        while (i >= 0 && Long.parseLong(c[i]) == 0) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        c[i] = pad(Long.parseLong(c[i]) - 1, c[i].length());
        for (int j = i + 1; j < c.length; j++) {
            c[j] = "9".repeat(c[j].length());
        }
        String out = String.join(".", c);
        return out.chars().allMatch(ch -> ch == '0' || ch == '.') ? null : out;
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** The next major release: "4.1" → "5.0", "2025.2" → "2026.0", "9" → "10.0". */
    static String nextMajor(String dotted) {
        return (Long.parseLong(dotted.split("\\.")[0]) + 1) + ".0";
    }

    /** Numeric comparison of dotted numbers, missing components as 0. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
