package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.matching.company.ManufacturerNames;

/**
 * A model or product name read as words with roles. "IntelliVue Patient Monitors MX (MX400-550)" gives the line
 * word intellivue, the kind words patient and monitor, the designator mx and the model numbers mx400…mx550;
 * "Connex Vital Signs Monitor (CVSM)" gives cvsm as an alias of the four words before it; "EPIQ/Affiniti" gives two
 * alternatives of one requirement; words after "with" are context, never required; "8.0.x" in a name is a
 * release line, not a model number.
 */
final class Wording {

    enum Role { GENERIC, KIND, LINE, CODE, BRAND, ALIAS, VERSION }

    /** One word: its folded text, stem, role, the requirement it belongs to, and what an alias stands for. */
    record Word(String text, String stem, Role role, int group, boolean optional, int aliasFrom, int aliasTo,
            boolean slot) {
        boolean distinctive() {
            return role == Role.LINE || role == Role.CODE;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:\\.[a-z0-9]+)*|[/()]|\\bwith\\b|[,;&+]");
    private static final Pattern VERSION = Pattern.compile("v?\\d+(?:\\.(?:\\d+|x))+|\\d+(?:\\.x)+");
    private static final Pattern GLUED = Pattern.compile("\\b([A-Za-z][a-z]{2,})([A-Z][A-Za-z]*\\d[A-Za-z0-9]*)");
    private static final Pattern CODE_PARTS = Pattern.compile("([a-z]*)(\\d+)([a-z]*)");

    private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z]{2,6}\\b");

    final List<Word> words;
    final List<ModelNumbers.Range> ranges;
    final List<String> versions;
    /** Short words written in capitals ("GH", "CM", "MX"): designators of a model, never family words. */
    final Set<String> designators;
    /** Words written in capitals, up to six letters ("ISCV", "CVSM"): possible abbreviations. */
    final Set<String> capitals;
    /** Operating-system conditions written in a name ("Windows 7-based"): "windows 7". */
    final List<String> conditions;

    private Wording(List<Word> words, List<ModelNumbers.Range> ranges, List<String> versions, Set<String> designators,
            List<String> conditions) {
        this.conditions = conditions;
        this.words = words;
        this.ranges = ranges;
        this.versions = versions;
        this.capitals = designators;
        this.designators = designators.stream().filter(x -> x.length() <= 3).collect(java.util.stream.Collectors.toSet());
    }

    static Wording of(String text, Set<String> companyWords) {
        Wording w = of(text, companyWords, true);
        // A product that is nothing but an operating system ("Windows XP") keeps it as its name.
        boolean empty = w.words.stream().allMatch(x -> x.role() == Role.GENERIC);
        return empty && !w.conditions.isEmpty() ? of(text, companyWords, false) : w;
    }

    private static Wording of(String text, Set<String> companyWords, boolean systemsAreConditions) {
        if (text == null || text.isBlank()) {
            return new Wording(List.of(), List.of(), List.of(), Set.of(), List.of());
        }
        String t = unglue(ManufacturerNames.repairMojibake(text));
        t = ManufacturerNames.fold(t).replaceAll("[\u2122\u00ae\u00a9]", " ");
        List<ModelNumbers.Range> ranges = ModelNumbers.ranges(t);
        List<String> versions = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<Word> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        int group = 0;
        int parenStart = -1;
        boolean slash = false;
        boolean optional = false;
        boolean slot = false;
        String lastPrefix = "";
        int lastDigits = 0;
        boolean excluded = false;
        while (m.find()) {
            String tok = m.group();
            // "Voluson, not including ImageVault": what a name excludes is not part of it.
            if (tok.equals("excluding") || tok.equals("except") || tok.equals("including") && !out.isEmpty()
                    && out.get(out.size() - 1).text().equals("not")) {
                if (tok.equals("including")) {
                    out.remove(out.size() - 1);
                }
                excluded = true;
                continue;
            }
            if (excluded) {
                if (tok.equals(")") || tok.equals(";") || tok.equals(",")) {
                    excluded = false;
                }
                continue;
            }
            switch (tok) {
                case "/" -> {
                    slash = true;
                    continue;
                }
                case "(" -> {
                    parenStart = out.size();
                    continue;
                }
                case ")" -> {
                    if (parenStart >= 0) {
                        Abbreviations.markParenthetical(out, parenStart);
                    }
                    parenStart = -1;
                    continue;
                }
                case "with" -> {
                    optional = true;
                    continue;
                }
                case ",", "&", "+" -> {
                    slash = false;
                    continue;
                }
                case ";" -> {
                    slash = false;
                    optional = false;
                    slot = true;
                    continue;
                }
                default -> {
                }
            }
            if (tok.indexOf('.') >= 0 && VERSION.matcher(tok).matches()) {
                versions.add(tok.startsWith("v") ? tok.substring(1) : tok);
                slash = false;
                continue;
            }
            // "3.0T" is "3T": a field strength or size written with a redundant decimal.
            tok = tok.replaceAll("^(\\d+)\\.0([a-z]+)$", "$1$2").replace(".", "");
            // "Windows 7-based", "Windows 10": an operating-system condition, not a product or model word.
            if (!out.isEmpty() && out.get(out.size() - 1).text().equals("windows")
                    && systemsAreConditions && tok.matches("\\d+|xp|vista|nt")) {
                out.remove(out.size() - 1);
                conditions.add("windows " + tok);
                continue;
            }
            Role role = role(tok, companyWords);
            // "MMT-503", "CMS 8000", "GEN 11": a short designator and its number are one model number.
            if (role == Role.CODE && tok.matches("\\d+[a-z]{0,2}") && !out.isEmpty() && !slash
                    && joinable(out.get(out.size() - 1), t, m.start())) {
                Word prev = out.remove(out.size() - 1);
                tok = prev.text() + tok;
            }
            if (role == Role.CODE) {
                Matcher c = CODE_PARTS.matcher(tok);
                if (c.matches() && c.group(1).isEmpty() && c.group(3).isEmpty() && slash && !lastPrefix.isEmpty()
                        && c.group(2).length() == lastDigits) {
                    tok = lastPrefix + tok; // "MX700/800": the 800 is an MX800
                } else if (c.matches()) {
                    lastPrefix = c.group(1);
                    lastDigits = c.group(2).length();
                }
            }
            boolean alternative = slash && !out.isEmpty() && role == Role.LINE
                    && out.get(out.size() - 1).role() == Role.LINE;
            int g = alternative ? out.get(out.size() - 1).group() : ++group;
            out.add(new Word(tok, Stems.of(tok), role, g, optional, -1, -1, slot));
            slash = false;
        }
        Set<String> capitals = new java.util.HashSet<>();
        Matcher caps = CAPITALS.matcher(text);
        while (caps.find()) {
            capitals.add(caps.group().toLowerCase(java.util.Locale.ROOT));
        }
        return new Wording(List.copyOf(out), ranges, versions, capitals, conditions);
    }

    private static boolean joinable(Word prev, String text, int at) {
        if (prev.role() != Role.LINE || prev.optional() || prev.text().length() > 4 || at < 1) {
            return false;
        }
        char sep = text.charAt(at - 1);
        return (sep == ' ' || sep == '-') && text.startsWith(prev.text(), at - 1 - prev.text().length());
    }

    static Role role(String tok, Set<String> companyWords) {
        if (tok.chars().anyMatch(Character::isDigit)) {
            return Role.CODE;
        }
        if (companyWords.contains(tok)) {
            return Role.BRAND;
        }
        if (tok.length() == 1 || Vocabulary.generic(tok)) {
            return Role.GENERIC;
        }
        return Vocabulary.kind(tok) ? Role.KIND : Role.LINE;
    }

    /** "includingMP2" → "including MP2": a lower-case word glued to a model number, when the word is descriptive. */
    private static String unglue(String s) {
        Matcher m = GLUED.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String rep = Vocabulary.generic(w) || Vocabulary.kind(w) ? m.group(1) + " " + m.group(2) : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    List<Word> codes() {
        return words.stream().filter(w -> w.role() == Role.CODE).toList();
    }

    boolean isEmpty() {
        return words.isEmpty() && ranges.isEmpty();
    }

    /** All folded word texts in order, generic words and aliases left out: the material for joined runs. */
    List<String> texts() {
        return words.stream().filter(Wording::runMaterial).map(Word::text).toList();
    }

    /** Words that take part in joined runs: all but generic words and aliases, single letters included ("e-Alert"). */
    static boolean runMaterial(Word w) {
        return w.role() != Role.ALIAS && (w.role() != Role.GENERIC || w.text().length() == 1);
    }

    @Override
    public String toString() {
        return words.toString();
    }
}
