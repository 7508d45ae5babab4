package org.vigil.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version expression as advisories write it, parsed best-effort: {@code vers:} (also the malformed
 * {@code vers:all/>=V1.17.3<V1.18.0}), {@code < <= > >= =} with {@code |} lists, "all versions", {@code *},
 * "prior to X", "X and earlier", wildcards {@code 8.x}, lists of exact versions ("1.1 | 1.5", "2131 and 2141").
 * ICSMA documents also put model names in the version slot ("CoaguChek XS Pro", "CR-IR 357"): that is
 * {@link Kind#MODEL}, no version restriction, and the words are product evidence for the matcher. Texts that mix a
 * version and a model ("v8.x model 35700BAX2") keep the version part as the range and give the model part as
 * {@link #model()}; a trailing qualifier ("9.x (with Wireless Battery Modules >= 22D19)", "<= 11.2 on Windows 8.1")
 * is set aside as {@link #qualifier()} so that its numbers are not read as bounds.
 */
public final class VersionRange {

    public static final String UNPARSEABLE = "unparseable";

    public enum Kind { ALL, CONSTRAINTS, EXACT, WILDCARD, MODEL, UNPARSEABLE }

    /** What a range says about one device version. */
    public enum Verdict {
        /** Inside the range. */
        IN,
        /** Clearly outside: a comparable bound excludes it. */
        OUT,
        /** The range covers every version (or sets no restriction). */
        ALL,
        /** The device version is blank or not a version at all. */
        UNKNOWN,
        /** Only bounds of other version lines (U61 vs L81), or a range we could not read: a person must look. */
        UNDECIDED
    }

    private static final Pattern OP = Pattern.compile("(<=|>=|==|!=|=<|=>|<|>|=)\\s*([^<>=!|]*)");
    private static final Pattern WILDCARD = Pattern.compile("^(?i)v?(\\d+(?:\\.\\d+)*)\\.(?:x|\\*)$");
    private static final Pattern BEFORE = Pattern.compile(
            "^(?i)(?:all\\s+)?(?:versions?\\s+)?(?:prior\\s+to|before|earlier\\s+than|older\\s+than|up\\s+to|below)\\s+(.+)$");
    private static final Pattern AT_MOST = Pattern.compile(
            "^(?i)(?:versions?\\s+)?(.+?)\\s*(?:and|or|&)\\s*(?:prior|earlier|below|older|lower|before)$");
    private static final Pattern AT_LEAST = Pattern.compile(
            "^(?i)(?:versions?\\s+)?(.+?)\\s*(?:(?:and|or|&)\\s*(?:later|above|newer|higher|after)|\\+)$");
    private static final Pattern BETWEEN = Pattern.compile(
            "^(?i)(?:versions?\\s+)?(?:from\\s+|between\\s+)?(\\S+)\\s+(?:to|through|thru|until|and)\\s+(\\S+)$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:\\||,|;|\\s/\\s|\\s+and\\s+|\\s+or\\s+)\\s*");
    private static final Pattern VERSION_TOKEN = Pattern.compile("^(?i)(?:v|fw|sw)?[a-z]{0,4}[._-]?\\d[\\w.\\-/+]*$");
    private static final Pattern DOTTED = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern WITH_MODEL = Pattern.compile(
            "^(?i)(.+?)[\\s,;:]+(?:for\\s+|on\\s+)?models?\\s*(?:no\\.?|number|#)?\\s*:?\\s*(\\S.*)$");
    private static final Pattern WITH_QUALIFIER = Pattern.compile(
            "^(?i)(.+?)\\s*(\\((?=\\s*[a-z]).*|(?<=\\s)(?:on|with|running\\s+on|installed\\s+on|integrated\\s+into)\\s+.*)$");

    /** One alternative: an interval (either end may be open) or a single version. */
    record Clause(Version lower, boolean lowerInclusive, Version upper, boolean upperInclusive) {

        Verdict test(Version v) {
            Integer lo = lower == null ? Integer.valueOf(1) : v.compareTo(lower);
            Integer hi = upper == null ? Integer.valueOf(-1) : v.compareTo(upper);
            if (lo == null || hi == null) {
                return Verdict.UNDECIDED;
            }
            boolean above = lo > 0 || (lo == 0 && lowerInclusive);
            boolean below = hi < 0 || (hi == 0 && upperInclusive);
            return above && below ? Verdict.IN : Verdict.OUT;
        }

        String canonical() {
            if (lower != null && upper != null && lower == upper) {
                return lower.text();
            }
            StringBuilder sb = new StringBuilder();
            if (lower != null) {
                sb.append(lowerInclusive ? ">=" : ">").append(lower.text());
            }
            if (upper != null) {
                sb.append(sb.length() > 0 ? "," : "").append(upperInclusive ? "<=" : "<").append(upper.text());
            }
            return sb.toString();
        }
    }

    private final String text;
    private final Kind kind;
    private final List<Clause> clauses;
    private final List<Object> wildcard;
    private final String model;
    private final String qualifier;

    private VersionRange(String text, Kind kind, List<Clause> clauses, List<Object> wildcard) {
        this(text, kind, clauses, wildcard, null, null);
    }

    private VersionRange(String text, Kind kind, List<Clause> clauses, List<Object> wildcard, String model,
            String qualifier) {
        this.text = text;
        this.kind = kind;
        this.clauses = clauses;
        this.wildcard = wildcard;
        this.model = model;
        this.qualifier = qualifier;
    }

    public static VersionRange parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new VersionRange("", Kind.UNPARSEABLE, List.of(), List.of());
        }
        String t = raw.strip();
        VersionRange plain = parsePlain(t);
        // Exact lists read their own notes ("053L000091 (global) / 054U000091 (U.S.)").
        if (plain.kind != Kind.EXACT && !t.regionMatches(true, 0, "vers:", 0, 5)) {
            VersionRange mixed = mixed(t);
            if (mixed != null) {
                return mixed;
            }
        }
        return plain;
    }

    /**
     * "v8.x model 35700BAX2" → range 8.x, model 35700BAX2; "9.x (with Wireless Battery Modules >= 22D19)" → range
     * 9.x, qualifier; only when the leading part alone reads as a version expression.
     */
    private static VersionRange mixed(String t) {
        Matcher m = WITH_MODEL.matcher(t);
        if (m.matches()) {
            VersionRange head = versionPart(m.group(1));
            if (head != null) {
                String model = m.group(2).strip();
                int paren = model.indexOf('(');
                String qualifier = paren > 0 ? model.substring(paren).strip() : head.qualifier;
                return new VersionRange(t, head.kind, head.clauses, head.wildcard,
                        paren > 0 ? model.substring(0, paren).strip() : model, qualifier);
            }
        }
        m = WITH_QUALIFIER.matcher(t);
        if (m.matches()) {
            VersionRange head = versionPart(m.group(1));
            if (head != null) {
                return new VersionRange(t, head.kind, head.clauses, head.wildcard, null, m.group(2).strip());
            }
        }
        return null;
    }

    private static VersionRange versionPart(String s) {
        VersionRange r = parsePlain(s.strip());
        return r.kind == Kind.MODEL || r.kind == Kind.UNPARSEABLE ? null : r;
    }

    private static VersionRange parsePlain(String t) {
        String body = t;
        if (t.regionMatches(true, 0, "vers:", 0, 5)) {
            int slash = t.indexOf('/');
            body = slash < 0 ? "" : t.substring(slash + 1).strip();
        }
        String lower = body.toLowerCase(Locale.ROOT);
        // "All versions prior to 5.0" is a bound, not "all versions": prose is read before the catch-alls.
        VersionRange prose = body.chars().anyMatch(Character::isDigit) ? prose(t, body) : null;
        if (prose != null) {
            return prose;
        }
        if (body.startsWith("*") || lower.startsWith("all") || lower.equals("any") || lower.startsWith("any version")) {
            return of(t, Kind.ALL);
        }
        Matcher w = WILDCARD.matcher(body);
        if (w.matches()) {
            return new VersionRange(t, Kind.WILDCARD, List.of(), Version.parse(w.group(1)).segments());
        }
        if (body.indexOf('<') >= 0 || body.indexOf('>') >= 0 || body.indexOf('=') >= 0) {
            List<Clause> clauses = operators(body);
            return clauses == null ? of(t, Kind.UNPARSEABLE) : new VersionRange(t, Kind.CONSTRAINTS, clauses, List.of());
        }
        List<Clause> exact = exactList(body);
        if (exact != null) {
            return new VersionRange(t, Kind.EXACT, exact, List.of());
        }
        // A version number we could not place ("04.00.00 or newer" inside prose) needs a person; plain words are
        // a model name written where the version should be.
        boolean hasLetters = body.chars().anyMatch(Character::isLetter);
        return of(t, hasLetters && !DOTTED.matcher(body).find() ? Kind.MODEL : Kind.UNPARSEABLE);
    }

    private static VersionRange of(String t, Kind kind) {
        return new VersionRange(t, kind, List.of(), List.of());
    }

    private static List<Clause> operators(String body) {
        List<Op> ops = new ArrayList<>();
        for (String part : body.split("\\|")) {
            String p = part.strip();
            Matcher m = OP.matcher(p);
            int first = -1;
            while (m.find()) {
                if (first < 0) {
                    first = m.start();
                }
                Version v = Version.parse(cleanBound(m.group(2)));
                if (v == null) {
                    return null;
                }
                ops.add(new Op(normalize(m.group(1)), v));
            }
            if (first > 0) {
                // "A10 < A11": a bare version before the operator is where the range starts.
                Version start = Version.parse(cleanBound(p.substring(0, first)));
                if (start == null) {
                    return null;
                }
                ops.add(ops.size() - 1, new Op(">=", start));
            } else if (first < 0 && !p.isEmpty()) {
                Version v = Version.parse(cleanBound(p));
                if (v == null) {
                    return null;
                }
                ops.add(new Op("=", v));
            }
        }
        if (ops.isEmpty()) {
            return null;
        }
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            Op next = i + 1 < ops.size() ? ops.get(i + 1) : null;
            if (o.isLower() && next != null && next.isUpper()) {
                Integer c = o.version().compareTo(next.version());
                if (c != null && c <= 0) {
                    clauses.add(new Clause(o.version(), o.op().equals(">="), next.version(), next.op().equals("<=")));
                    i++;
                    continue;
                }
            }
            switch (o.op()) {
                case ">", ">=" -> clauses.add(new Clause(o.version(), o.op().equals(">="), null, false));
                case "<", "<=" -> clauses.add(new Clause(null, false, o.version(), o.op().equals("<=")));
                case "=" -> clauses.add(new Clause(o.version(), true, o.version(), true));
                default -> { } // "!=" only narrows; dropping it can only add findings, never hide one
            }
        }
        return clauses.isEmpty() ? null : clauses;
    }

    private record Op(String op, Version version) {
        boolean isLower() {
            return op.equals(">") || op.equals(">=");
        }

        boolean isUpper() {
            return op.equals("<") || op.equals("<=");
        }
    }

    private static String normalize(String op) {
        return switch (op) {
            case "=<" -> "<=";
            case "=>" -> ">=";
            case "==" -> "=";
            default -> op;
        };
    }

    /** "V9.40_installed_on_CP150_devices" → "V9.40"; "053L000091 (global)" → "053L000091"; "3.0 D15" stays. */
    static String cleanBound(String s) {
        String t = s.strip();
        t = t.replaceAll("\\s*\\(.*$", "");
        t = t.replaceAll("_(?!build)(?=[A-Za-z]{3,}).*$", "");
        t = t.replaceAll("\\s+(?=[A-Za-z]{4,}).*$", "");
        return t.strip();
    }

    private static VersionRange prose(String t, String body) {
        Matcher m = BEFORE.matcher(body);
        if (m.matches() && Version.parse(cleanBound(m.group(1))) != null) {
            return constraint(t, new Clause(null, false, Version.parse(cleanBound(m.group(1))), false));
        }
        m = AT_MOST.matcher(body);
        if (m.matches() && Version.parse(cleanBound(m.group(1))) != null) {
            return constraint(t, new Clause(null, false, Version.parse(cleanBound(m.group(1))), true));
        }
        m = AT_LEAST.matcher(body);
        if (m.matches() && Version.parse(cleanBound(m.group(1))) != null) {
            return constraint(t, new Clause(Version.parse(cleanBound(m.group(1))), true, null, false));
        }
        m = BETWEEN.matcher(body);
        if (m.matches() && body.matches("(?i).*\\b(from|between|to|through|thru|until)\\b.*")) {
            Version a = Version.parse(m.group(1));
            Version b = Version.parse(m.group(2));
            if (a != null && b != null && a.compareTo(b) != null && a.compareTo(b) <= 0) {
                return constraint(t, new Clause(a, true, b, true));
            }
        }
        return null;
    }

    private static VersionRange constraint(String t, Clause c) {
        return new VersionRange(t, Kind.CONSTRAINTS, List.of(c), List.of());
    }

    private static List<Clause> exactList(String body) {
        List<Clause> out = new ArrayList<>();
        for (String item : LIST_SEPARATOR.split(body)) {
            String v = item.replaceAll("\\s*\\([^)]*\\)", "").strip();
            if (v.isEmpty()) {
                continue;
            }
            if (!VERSION_TOKEN.matcher(v).matches() && !(v.indexOf(' ') < 0 && DOTTED.matcher(v).find())) {
                return null;
            }
            Version parsed = Version.parse(v);
            if (parsed == null) {
                return null;
            }
            out.add(new Clause(parsed, true, parsed, true));
        }
        return out.isEmpty() ? null : out;
    }

    /** Where a device version stands. Blank or non-version device text is {@link Verdict#UNKNOWN}. */
    public Verdict test(String deviceVersion) {
        if (kind == Kind.ALL || kind == Kind.MODEL) {
            return Verdict.ALL;
        }
        if (kind == Kind.UNPARSEABLE) {
            return Version.parse(deviceVersion) == null ? Verdict.UNKNOWN : Verdict.UNDECIDED;
        }
        Version v = Version.parse(deviceVersion);
        if (v == null) {
            return Verdict.UNKNOWN;
        }
        if (kind == Kind.WILDCARD) {
            List<Object> s = v.segments();
            if (s.size() >= wildcard.size() && s.subList(0, wildcard.size()).equals(wildcard)) {
                return Verdict.IN;
            }
            return s.isEmpty() || s.get(0) instanceof String ? Verdict.UNDECIDED : Verdict.OUT;
        }
        boolean out = false;
        for (Clause c : clauses) {
            Verdict r = c.test(v);
            if (r == Verdict.IN) {
                return Verdict.IN;
            }
            out |= r == Verdict.OUT;
        }
        return out ? Verdict.OUT : Verdict.UNDECIDED;
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    /** The model written after the version ("35700BAX2" in "v8.x model 35700BAX2"), or null. */
    public String model() {
        return model;
    }

    /** A condition written after the version ("(with Wireless Battery Modules …)", "on Windows 8.1"), or null. */
    public String qualifier() {
        return qualifier;
    }

    /** The range in canonical form ("*", "&gt;=1.0,&lt;2.0|&lt;=U61", "8.*") or {@link #UNPARSEABLE}. */
    public String canonical() {
        return switch (kind) {
            case ALL -> "*";
            case WILDCARD -> wildcard.stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElse("") + ".*";
            case CONSTRAINTS, EXACT -> String.join("|", clauses.stream().map(Clause::canonical).toList());
            default -> UNPARSEABLE;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
