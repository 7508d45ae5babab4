package org.vigil.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.version.VersionRange.Kind;

/**
 * The grammar of one version expression, once notes, models and conditions are set aside: operators with
 * {@code |} alternatives ({@code >= 1.1 | <= 1.3.2}, {@code A10 < A11}), prose ("prior to 2.0", "3.1 and prior",
 * "5.0 and later", "from 1.0 to 2.0"), Philips revision ranges ("Rev J-M"), and lists of exact versions or lines
 * ("4.X | 5.X", "2131 and 2141", "(Release 1.3.2 1.4.0 1.4.1)", "4.20 | 4.20 SR1"). Anything else is no expression.
 */
final class ClauseGrammar {

    /** What an expression says: its kind (CONSTRAINTS, EXACT or WILDCARD) and its alternatives. */
    record Expression(Kind kind, List<Clause> clauses) {
    }

    private static final Pattern OP = Pattern.compile("(<=|>=|==|!=|=<|=>|<|>|=)\\s*([^<>=!|]*)");
    private static final String VERSIONS = "(?:(?:all\\s+)?versions?\\s+|releases?\\s+)?";
    private static final Pattern BEFORE = Pattern.compile("^(?i)" + VERSIONS
            + "(?:prior\\s+to|before|earlier\\s+than|older\\s+than|lower\\s+than|up\\s+to|below)\\s+(.+)$");
    private static final Pattern AT_MOST = Pattern.compile("^(?i)" + VERSIONS
            + "(.+?)\\s*(?:and|or|&)\\s*(?:prior|earlier|below|older|lower|before)$");
    private static final Pattern AT_LEAST = Pattern.compile("^(?i)" + VERSIONS
            + "(.+?)\\s*(?:(?:and|or|&)\\s*(?:later|above|newer|higher|after)|\\+)$");
    private static final Pattern BETWEEN = Pattern.compile("^(?i)" + VERSIONS
            + "(?:from\\s+|between\\s+)?(\\S+)\\s+(?:to|through|thru|until|-)\\s+(\\S+)$");
    /** "Rev J-M", "Rev B-M": release letters J up to and including M. */
    private static final Pattern LETTERS = Pattern.compile("^(?i)(?:rev(?:ision)?s?\\.?\\s*)?([a-z])\\s*[-–]\\s*([a-z])$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "\\s*(?:\\||,|;|&|\\s/\\s|\\s+and\\s+|\\s+or\\s+)\\s*|_(?=v\\d)");
    /** "(Release 1.3.2 1.4.0 …)": a list written with spaces, inside brackets, after a word for what it lists. */
    private static final Pattern SPACED_LIST = Pattern.compile("^(?i)\\(?\\s*(?:releases?|versions?|rel\\.)?\\s*"
            + "((?:v?\\d+(?:\\.\\w+)+\\s+)+v?\\d+(?:\\.\\w+)+)\\s*\\)?$");
    /** "Versions 4.X and 5.X": the word says what the list holds. */
    private static final Pattern LIST_WORD = Pattern.compile("^(?i)(?:versions?|releases?|rel\\.)\\s+(?=\\S*\\d)");
    private static final Pattern VERSION_TOKEN = Pattern.compile("^(?i)(?:v|fw|sw)?[a-z]{0,4}[._-]?\\d[\\w.\\-/+]*$");
    /** "4.20 SR1", "3.0 D15", "1.1.3 MR Build 11", "1.8.4 Service Pack 01": a dotted version and a short suffix. */
    private static final Pattern SUFFIXED = Pattern.compile(
            "^(?i)v?\\d+(?:\\.\\w+)+(?:\\s+(?:[a-z]{1,3}\\d*|\\d+|build|service|pack))+$");
    /** "LPI 3.5.12.P30", "SW 5.6", "Rev. B": a marker before the version (Version ignores it). */
    private static final Pattern MARKED = Pattern.compile("^(?i)(?:lpi|sw|fw|firmware|software|rev\\.?|rel\\.?|version)"
            + "\\s+\\S*\\d\\S*$");
    private static final Pattern SPACED_SERIES = Pattern.compile("^[A-Za-z]{1,4}\\s+\\d+$");
    private static final Pattern DOTTED = Pattern.compile("\\d+\\.\\d+");

    private ClauseGrammar() {
    }

    /** The expression, or null when the text is not one. */
    static Expression read(String body) {
        String t = body.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.indexOf('<') >= 0 || t.indexOf('>') >= 0 || t.indexOf('=') >= 0) {
            List<Clause> clauses = operators(t);
            return clauses == null ? null : new Expression(Kind.CONSTRAINTS, clauses);
        }
        Clause prose = prose(t);
        if (prose != null) {
            return new Expression(Kind.CONSTRAINTS, List.of(prose));
        }
        return list(t);
    }

    private static List<Clause> operators(String body) {
        List<Op> ops = new ArrayList<>();
        for (String part : body.split("\\|")) {
            String p = part.strip();
            Matcher m = OP.matcher(p);
            int start = ops.size();
            int first = -1;
            while (m.find()) {
                first = first < 0 ? m.start() : first;
                Bound b = Bound.parse(m.group(2));
                if (b == null) {
                    return null;
                }
                ops.add(new Op(normalize(m.group(1)), b));
            }
            if (first != 0 && !p.isEmpty()) {
                // "A10 < A11": a bare version before the operator is where the range starts; alone it is exact.
                Bound b = Bound.parse(first < 0 ? p : p.substring(0, first));
                if (b == null) {
                    return null;
                }
                ops.add(start, new Op(first < 0 ? "=" : ">=", b));
            }
        }
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            Op next = i + 1 < ops.size() ? ops.get(i + 1) : null;
            if (o.isLower() && next != null && next.isUpper()) {
                Integer c = next.bound().compare(o.bound().version());
                if (c != null && c <= 0) {
                    clauses.add(new Clause(o.bound(), o.op().equals(">="), next.bound(), next.op().equals("<=")));
                    i++;
                    continue;
                }
            }
            switch (o.op()) {
                case ">", ">=" -> clauses.add(Clause.from(o.bound(), o.op().equals(">=")));
                case "<", "<=" -> clauses.add(Clause.below(o.bound(), o.op().equals("<=")));
                case "=" -> clauses.add(Clause.exact(o.bound()));
                default -> { } // "!=" only narrows; dropping it can only add findings, never hide one
            }
        }
        return clauses.isEmpty() ? null : clauses;
    }

    private record Op(String op, Bound bound) {
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

    private static Clause prose(String t) {
        Matcher m = BEFORE.matcher(t);
        if (m.matches() && Bound.parse(m.group(1)) != null) {
            return Clause.below(Bound.parse(m.group(1)), false);
        }
        m = AT_MOST.matcher(t);
        if (m.matches() && Bound.parse(m.group(1)) != null) {
            return Clause.below(Bound.parse(m.group(1)), true);
        }
        m = AT_LEAST.matcher(t);
        if (m.matches() && Bound.parse(m.group(1)) != null) {
            return Clause.from(Bound.parse(m.group(1)), true);
        }
        m = LETTERS.matcher(t);
        if (!m.matches()) {
            m = BETWEEN.matcher(t);
        }
        if (m.matches()) {
            Bound a = Bound.parse(m.group(1));
            Bound b = Bound.parse(m.group(2));
            Integer c = a == null || b == null ? null : b.compare(a.version());
            if (c != null && c <= 0) {
                return new Clause(a, true, b, true);
            }
        }
        return null;
    }

    private static Expression list(String text) {
        String t = LIST_WORD.matcher(text).replaceFirst("");
        List<String> items = new ArrayList<>(List.of(LIST_SEPARATOR.split(t)));
        Matcher spaced = SPACED_LIST.matcher(t);
        if (items.size() == 1 && spaced.matches()) {
            items = List.of(spaced.group(1).split("\\s+"));
        }
        List<Clause> out = new ArrayList<>();
        boolean allWildcards = true;
        for (String item : items) {
            String v = item.replaceAll("\\s*\\([^)]*\\)", "").strip();
            if (v.isEmpty()) {
                continue;
            }
            boolean token = VERSION_TOKEN.matcher(v).matches() || (v.indexOf(' ') < 0 && DOTTED.matcher(v).find())
                    || SUFFIXED.matcher(v).matches() || SPACED_SERIES.matcher(v).matches() || MARKED.matcher(v).matches();
            Bound b = token ? Bound.parse(v) : null;
            if (b == null) {
                return null;
            }
            allWildcards &= b.wildcard();
            out.add(Clause.exact(b));
        }
        return out.isEmpty() ? null : new Expression(allWildcards ? Kind.WILDCARD : Kind.EXACT, out);
    }
}
