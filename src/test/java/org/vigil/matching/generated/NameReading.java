package org.vigil.matching.generated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the generator reads in one product name: parentheticals (an abbreviation of the words before it, a code,
 * or a note), model lists and ranges ({@code TC10 TC20 TC30}, {@code ELI 280/BUR280/MLBUR 280},
 * {@code MX400-550}, {@code MX700/800}), model-number tokens and descriptive words. Written from the classes of
 * the matching issue, not from any one document.
 */
final class NameReading {

    enum ParenKind {
        /** "(CSM)" after "Connex Spot Monitor": the abbreviation of the {@code spanStart..start} words. */
        ABBREVIATION,
        /** One token with a digit: "(VLLS10GEN)", "(718095)". */
        CODE,
        NOTE
    }

    record Paren(int start, int end, String inner, ParenKind kind, int spanStart) {
    }

    /**
     * A model list or range at {@code start..end}; {@code members} are full model names ("MX800", not "800");
     * {@code outside} are names of the same form the list or range does not contain, nearest first.
     */
    record Series(int start, int end, List<String> members, List<String> outside, boolean range, Paren inside) {
    }

    private static final Pattern GLUED = Pattern.compile("\\b([a-z]{3,})([A-Z]{1,4}\\d)");
    private static final Pattern INNERMOST = Pattern.compile("\\(([^()]*)\\)");
    private static final String MEMBER = "(?:[A-Z]{2,6} )?[A-Za-z]*\\d[A-Za-z0-9-]*";
    private static final Pattern SLASH_LIST = Pattern.compile("(?<![\\w/.-])" + MEMBER + "(?:/" + MEMBER + ")+"
            + "(?![\\w/.])");
    private static final Pattern SPACE_LIST = Pattern.compile("(?<![\\w-])([A-Z]{1,4})\\d+(?: \\1\\d+)+(?![\\w-])");
    private static final Pattern RANGE = Pattern.compile("(?<![\\w-])([A-Z]{1,4})(\\d+)-(?:([A-Z]{1,4}))?(\\d+)"
            + "(?![\\w-])");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern SPLIT_MEMBER = Pattern.compile("([A-Za-z]*(?: )?)(\\d+)(.*)");

    final String original;
    /** The name with whitespace squashed and glued words split ("includingMP2" → "including MP2"). */
    final String text;
    final List<Paren> parens = new ArrayList<>();
    final List<Series> series = new ArrayList<>();

    NameReading(String name) {
        this.original = name;
        this.text = Words.squash(GLUED.matcher(name).replaceAll("$1 $2"));
        readParens();
        readSeries();
    }

    /** True when the name excludes something ("LOGIQ, not including LOGIQ 100 Pro"): models in it are not members. */
    boolean excludes() {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("not including") || t.contains("except") || t.contains("excluding");
    }

    private void readParens() {
        Matcher m = INNERMOST.matcher(text);
        while (m.find()) {
            String inner = m.group(1).strip();
            parens.add(classify(m.start(), m.end(), inner));
        }
    }

    private Paren classify(int start, int end, String inner) {
        String[] tokens = inner.split(" ");
        String letters = inner.replace(" ", "");
        if (tokens.length <= 2 && letters.matches("[A-Za-z]{2,8}")
                && letters.chars().filter(Character::isUpperCase).count() >= 2) {
            int span = abbreviationSpan(text.substring(0, start), letters.toUpperCase(Locale.ROOT));
            if (span >= 0) {
                return new Paren(start, end, inner, ParenKind.ABBREVIATION, span);
            }
        }
        if (tokens.length == 1 && inner.matches(".*\\d.*")) {
            return new Paren(start, end, inner, ParenKind.CODE, -1);
        }
        return new Paren(start, end, inner, ParenKind.NOTE, -1);
    }

    /**
     * Where the long form of {@code abbr} starts in {@code before}: the fewest last words whose first word starts
     * with the abbreviation's first letter and whose letters contain the abbreviation in order ("Connex Spot
     * Monitor" for CSM, "Point-of-Care Unit" for PCU, "CARESCAPE Central Station" for CSCS); -1 when none does.
     */
    static int abbreviationSpan(String before, String abbr) {
        List<int[]> words = new ArrayList<>();
        Matcher w = Pattern.compile("[A-Za-z0-9]+").matcher(before);
        while (w.find()) {
            words.add(new int[] {w.start(), w.end()});
        }
        for (int k = 1; k <= Math.min(6, words.size()); k++) {
            int first = words.size() - k;
            String span = before.substring(words.get(first)[0]).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            if (span.charAt(0) == abbr.charAt(0) && subsequence(abbr, span)) {
                return words.get(first)[0];
            }
        }
        return -1;
    }

    private static boolean subsequence(String needle, String hay) {
        int i = 0;
        for (int j = 0; j < hay.length() && i < needle.length(); j++) {
            if (hay.charAt(j) == needle.charAt(i)) {
                i++;
            }
        }
        return i == needle.length();
    }

    private void readSeries() {
        Matcher m = SLASH_LIST.matcher(text);
        while (m.find()) {
            List<String> members = expand(List.of(m.group().split("/")));
            series.add(new Series(m.start(), m.end(), members, outsideOfList(members), false, enclosing(m.start())));
        }
        m = SPACE_LIST.matcher(text);
        while (m.find()) {
            if (overlaps(m.start(), m.end())) {
                continue;
            }
            List<String> members = List.of(m.group().split(" "));
            series.add(new Series(m.start(), m.end(), members, outsideOfList(members), false, enclosing(m.start())));
        }
        m = RANGE.matcher(text);
        while (m.find()) {
            String prefix = m.group(1);
            if (m.group(3) != null && !m.group(3).equals(prefix) || overlaps(m.start(), m.end())) {
                continue;
            }
            long lo = Long.parseLong(m.group(2));
            long hi = Long.parseLong(m.group(4));
            if (hi <= lo || m.group(4).length() < m.group(2).length()) {
                continue;
            }
            List<String> members = new ArrayList<>(List.of(prefix + lo));
            long mid = roundedMiddle(lo, hi);
            if (mid > lo && mid < hi) {
                members.add(prefix + mid);
            }
            members.add(prefix + hi);
            long step = (long) Math.pow(10, Math.min(trailingZeros(lo), trailingZeros(hi)));
            List<String> outside = new ArrayList<>();
            for (int k = 1; k <= 8; k++) {
                outside.add(prefix + (hi + k * step));
            }
            series.add(new Series(m.start(), m.end(), List.copyOf(members), outside, true, enclosing(m.start())));
        }
    }

    private boolean overlaps(int start, int end) {
        return series.stream().anyMatch(s -> start < s.end() && s.start() < end);
    }

    private Paren enclosing(int at) {
        return parens.stream().filter(p -> p.start() < at && at < p.end()).findFirst().orElse(null);
    }

    /**
     * Shorthand members written against the first one: "MX700/800" → MX800, "M8001A/2A/10A" → M8002A, M8010A,
     * "865240/41" → 865241, "MP5/5SC" → MP5SC; a member with its own letters stays as written.
     */
    static List<String> expand(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String member : raw) {
            Matcher previous = out.isEmpty() ? null : SPLIT_MEMBER.matcher(out.get(out.size() - 1));
            if (previous == null || !previous.matches() || !Character.isDigit(member.charAt(0))) {
                out.add(member);
                continue;
            }
            Matcher m = Pattern.compile("(\\d+)(.*)").matcher(member);
            m.matches();
            String digits0 = previous.group(2);
            String digits = m.group(1);
            out.add(digits.length() <= digits0.length()
                    ? previous.group(1) + digits0.substring(0, digits0.length() - digits.length()) + digits
                            + m.group(2)
                    : member);
        }
        return List.copyOf(out);
    }

    /** Names after the largest member of the last member's letter prefix, one step (the smallest gap) apart. */
    private static List<String> outsideOfList(List<String> members) {
        Matcher last = SPLIT_MEMBER.matcher(members.get(members.size() - 1));
        if (!last.matches()) {
            return List.of();
        }
        String prefix = last.group(1);
        TreeSet<Long> numbers = new TreeSet<>();
        for (String m : members) {
            Matcher x = SPLIT_MEMBER.matcher(m);
            if (x.matches() && x.group(1).strip().equalsIgnoreCase(prefix.strip())) {
                numbers.add(Long.parseLong(x.group(2)));
            }
        }
        long step = Long.MAX_VALUE;
        Long previous = null;
        for (long n : numbers) {
            if (previous != null) {
                step = Math.min(step, n - previous);
            }
            previous = n;
        }
        long max = numbers.last();
        if (step == Long.MAX_VALUE) {
            step = (long) Math.pow(10, Math.max(0, Long.toString(max).length() - 1));
        }
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= 8; k++) {
            out.add(prefix + (max + k * step));
        }
        return out;
    }

    private static long roundedMiddle(long lo, long hi) {
        long mid = (lo + hi) / 2;
        long unit = (long) Math.pow(10, Math.max(0, Long.toString(hi).length() - 1));
        return Math.round((double) mid / unit) * unit;
    }

    private static int trailingZeros(long n) {
        int z = 0;
        while (n > 0 && n % 10 == 0) {
            n /= 10;
            z++;
        }
        return z;
    }

    /** The name with one member in place of the series; a member of a parenthesised list follows the name. */
    String withMember(Series s, String member) {
        return withMember(text, s, member);
    }

    /** {@code withMember} over {@code t}, a text of the same length as {@link #text} (positions hold). */
    private static String withMember(String t, Series s, String member) {
        if (s.inside() == null) {
            return tidy(t.substring(0, s.start()) + member + t.substring(s.end()));
        }
        Paren p = s.inside();
        String base = Words.squash(t.substring(0, p.start()) + " " + t.substring(p.end()));
        String prefix = member.replaceAll("[\\d].*", "").strip();
        if (!prefix.isEmpty() && base.toLowerCase(Locale.ROOT).endsWith(" " + prefix.toLowerCase(Locale.ROOT))) {
            base = base.substring(0, base.length() - prefix.length()).strip();
        }
        return tidy(base + " " + member);
    }

    /** A broken pair ("MX800/700/600 ((865240/41/42) WLAN") loses its stray parenthesis. */
    private static String tidy(String t) {
        String out = Words.squash(t.replace("((", "(").replace("))", ")"));
        return out.chars().filter(c -> c == '(').count() == out.chars().filter(c -> c == ')').count() ? out
                : Words.squash(out.replaceAll("\\((?![^()]*\\))", " "));
    }

    /**
     * A device naming only {@code model} instead of the series: the name with every parenthetical and the other
     * series removed; null when some other model number would still be in it (then it is no clear negative).
     */
    String onlyMember(Series s, String model) {
        String t = text;
        for (Series other : series) {
            if (other != s) {
                t = t.substring(0, other.start()) + " ".repeat(other.end() - other.start()) + t.substring(other.end());
            }
        }
        String clean = new NameReading(withMember(t, s, model)).withoutParens();
        Set<String> numbers = new NameReading(clean).modelNumbers();
        return Words.digitRuns(model).containsAll(numbers) ? clean : null;
    }

    /** The name without any parenthetical (a stray parenthesis of a broken pair goes too). */
    String withoutParens() {
        String t = text;
        String before;
        do {
            before = t;
            t = INNERMOST.matcher(t).replaceAll(" ");
        } while (!t.equals(before));
        return Words.squash(t.replace("(", " ").replace(")", " ").replaceAll(" ([,;])", "$1"));
    }

    Paren abbreviation() {
        return parens.stream().filter(p -> p.kind() == ParenKind.ABBREVIATION).findFirst().orElse(null);
    }

    /** "Welch Allyn Connex Spot Monitor (CSM)" → "Welch Allyn CSM". */
    String abbreviated(Paren p) {
        return Words.squash(text.substring(0, p.spanStart()) + p.inner() + text.substring(p.end()));
    }

    /** "Welch Allyn Connex Spot Monitor (CSM)" → "Welch Allyn Connex Spot Monitor". */
    String longForm(Paren p) {
        return Words.squash(text.substring(0, p.start()) + " " + text.substring(p.end()));
    }

    /** The words that name the line: not descriptive, not company words, no digits. */
    Set<String> lineWords(Set<String> companyWords) {
        Set<String> out = new TreeSet<>();
        for (String w : Words.words(withoutParens())) {
            if (!Words.descriptive(w) && !companyWords.contains(w) && !w.matches(".*\\d.*")) {
                out.add(w);
            }
        }
        return out;
    }

    /** Digit runs of model-number tokens outside parentheses: no dotted versions ("1.5T"), no ordinals ("2nd"). */
    Set<String> modelNumbers() {
        Set<String> out = new TreeSet<>();
        Matcher t = TOKEN.matcher(withoutParens());
        while (t.find()) {
            String tok = t.group();
            if (tok.matches(".*\\d.*") && !tok.matches(".*\\d\\.\\d.*") && !tok.matches("(?i)\\d+(st|nd|rd|th)\\W*")) {
                out.addAll(Words.digitRuns(tok));
            }
        }
        return out;
    }

    /**
     * The name with the descriptive words and parentheticals dropped; the model numbers of a parenthetical stay
     * when the name has none outside it ("Blood Glucose Monitoring System (Model No. APG-01 BT)" → "Blood Glucose
     * APG-01"). Null when nothing was dropped.
     */
    String withoutDescriptiveWords() {
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        String outside = withoutParens();
        StringBuilder source = new StringBuilder(outside);
        if (!outside.matches(".*\\d.*")) {
            for (Paren p : parens) {
                for (String tok : p.inner().split("\\s+")) {
                    if (tok.matches(".*\\d.*")) {
                        source.append(' ').append(tok.replaceAll("[,;:)]+$", ""));
                    }
                }
            }
        }
        Matcher t = TOKEN.matcher(source);
        while (t.find()) {
            String tok = t.group();
            List<String> parts = Words.words(tok);
            if (parts.isEmpty()) {
                continue;
            }
            if (parts.stream().allMatch(Words::descriptive)) {
                dropped = true;
            } else if (!kept.isEmpty() && kept.get(kept.size() - 1).equalsIgnoreCase(tok)) {
                // "Alaris Gateway Workstation Alaris GS" → "Alaris GS", not "Alaris Alaris GS".
                continue;
            } else {
                kept.add(tok.replaceAll("[,;:]+$", ""));
            }
        }
        return dropped && !kept.isEmpty() ? String.join(" ", kept) : null;
    }

    /** A model token outside lists, ranges and parentheses, with its spacing variants (first: other spacing). */
    record ModelToken(int start, int end, String spaced, String hyphenated) {
    }

    ModelToken modelToken() {
        Matcher t = TOKEN.matcher(text);
        String previous = null;
        int previousStart = -1;
        while (t.find()) {
            int s = t.start();
            String tok = t.group();
            boolean free = enclosing(s) == null && series.stream().noneMatch(x -> s >= x.start() && s < x.end());
            if (free) {
                Matcher m;
                if ((m = Pattern.compile("([A-Za-z]+)(\\d+)([A-Za-z]*)").matcher(tok)).matches()) {
                    return new ModelToken(s, t.end(), m.group(1) + " " + m.group(2) + m.group(3),
                            m.group(1) + "-" + m.group(2) + m.group(3));
                }
                if ((m = Pattern.compile("([A-Za-z]+)-(\\d+)([A-Za-z]*)").matcher(tok)).matches()
                        || (m = Pattern.compile("(\\d+)-([A-Z]{1,4})()").matcher(tok)).matches()) {
                    return new ModelToken(s, t.end(), m.group(1) + m.group(2) + m.group(3),
                            m.group(1) + " " + m.group(2) + m.group(3));
                }
                if (previous != null && tok.matches("\\d+[A-Za-z]*") && previous.matches("[A-Z]{1,5}")) {
                    return new ModelToken(previousStart, t.end(), previous + tok, previous + "-" + tok);
                }
            }
            previous = free ? tok : null;
            previousStart = s;
        }
        return null;
    }

    String replace(int start, int end, String with) {
        return Words.squash(text.substring(0, start) + with + text.substring(end));
    }
}
