package org.vigil.version;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.version.ClauseGrammar.Expression;
import org.vigil.version.VersionRange.Kind;

/**
 * The grammar of a CSAF version slot (a product_version name or product_version_range text) as ICSMA documents
 * fill it. The slot holds a version expression ({@link ClauseGrammar}), possibly behind {@code vers:<scheme>/}; or
 * "*", "All versions"; or something no inventory records as a version: a date ("&lt; july 1 2017", "before
 * 2020-01-01"), an operating system ("Windows 10 …"), an option or edition ("with wireless option (shipped …)",
 * "2nd Edition"), a component's hardware and firmware ("Version A, Firmware A.03.09"): {@link Kind#CONDITION}; or a
 * model ("CoaguChek XS Pro", "UDI/Model/NDC number ZXP425"): {@link Kind#MODEL}. A version may come with a model
 * ("v8.x model 35700BAX2", "653 MCE 3.x", "Base Unit NEW with Software 04.00.00 or newer") or a note ("9.x (with
 * Wireless Battery Modules …)", "&lt;=11.2 on Windows 8.1"): the version part still limits the versions.
 */
final class SlotGrammar {

    /** What the slot says: a kind, the alternatives of its version part, and what was set aside. */
    record Reading(Kind kind, List<Clause> clauses, String model, String qualifier) {
        static Reading of(Kind kind, String qualifier) {
            return new Reading(kind, List.of(), null, qualifier);
        }
    }

    private static final String MONTH = "(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
            + "|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])";
    private static final Pattern DATE = Pattern.compile("(?i)" + MONTH + "\\.?[\\s_,-]*\\d|\\d[\\s_-]+" + MONTH
            + "|(?<![\\d.])(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}(?![\\d.])|(?<![\\d.])\\d{1,2}/\\d{1,2}/(?:19|20)?\\d{2}(?![\\d.])");
    private static final Pattern BUILD_STAMP = Pattern.compile("(?i)[_\\s]build[_\\s][\\w.-]*");
    private static final Pattern CONDITION = Pattern.compile("^(?i)(?:(?:windows|linux|android|ios|macos|mac\\s+os)\\b"
            + "|(?:with|without|when|if|only|shipped|distributed|manufactured|sold|running|installed)\\s)"
            + "|(?i)\\b(?:edition|option)\\b");
    /** "Version B, Firmware A.01.09, Part #: …": labelled fields describe a component, not the device's software. */
    private static final Pattern FIELDS = Pattern.compile(
            "^(?i)(?:version|revision|hardware)\\s+\\S+\\s*,\\s*(?:firmware|software|hardware|part)\\b.*");
    /** "UDI/Model/NDC number ZXP425 (10-Pack)", "Product ID/Reorder number 19191 | 40160". */
    private static final Pattern MODEL_LABEL = Pattern.compile(
            "^(?i)(?:udi|model|ndc|product\\s+id|reorder|catalog(?:ue)?|ref|part)\\b[\\w/ ]*?(?:number|no\\.?|#).*");
    private static final Pattern QUALIFIER = Pattern.compile("^(?i)(.+?)\\s*(\\((?=[^)]*\\s).*|(?<=\\s)(?:on|with"
            + "|running\\s+on|installed\\s+on|integrated\\s+into)\\s+.*)$");
    private static final Pattern WITH_MODEL = Pattern.compile(
            "^(?i)(.+?)[\\s,;:]+(?:for\\s+|on\\s+)?models?\\s*(?:no\\.?|number|#)?\\s*:?\\s*(\\S.*)$");
    private static final Pattern MODEL_WITH_SOFTWARE = Pattern.compile(
            "^(?i)(.+?)\\s+(?:with|w/)\\s+(?:software|firmware|sw|fw)(?:\\s+versions?)?\\s+(.+)$");
    /** "653 MCE 3.x": model words, then a line or dotted version. */
    private static final Pattern MODEL_THEN_VERSION = Pattern.compile(
            "^([^|]*[A-Za-z][^|]*?)\\s+(v?\\d+(?:\\.\\d+)*\\.[xX*](?:\\.[xX*])*|v?\\d+(?:\\.\\d+)+)$");
    private static final Pattern DOTTED = Pattern.compile("\\d+\\.\\d+");

    private SlotGrammar() {
    }

    static Reading read(String raw) {
        if (raw == null || raw.isBlank()) {
            return Reading.of(Kind.UNPARSEABLE, null);
        }
        String body = raw.strip();
        if (body.regionMatches(true, 0, "vers:", 0, 5)) {
            int slash = body.indexOf('/');
            body = slash < 0 ? "" : body.substring(slash + 1).strip();
        }
        if (body.startsWith("*")) {
            String rest = body.substring(1).strip();
            return Reading.of(Kind.ALL, rest.isEmpty() ? null : rest);
        }
        if (MODEL_LABEL.matcher(body).matches()) {
            return Reading.of(Kind.MODEL, null);
        }
        String bare = BUILD_STAMP.matcher(body.replaceAll("\\s*\\([^)]*\\)", "")).replaceAll("");
        if (DATE.matcher(bare).find() || CONDITION.matcher(bare).find() || FIELDS.matcher(body).matches()) {
            return Reading.of(Kind.CONDITION, body);
        }
        Matcher m = QUALIFIER.matcher(body);
        if (m.matches()) {
            Expression head = ClauseGrammar.read(m.group(1).replaceAll("[|,;/\\s]+$", ""));
            if (head != null) {
                return new Reading(head.kind(), head.clauses(), null, m.group(2).strip());
            }
        }
        Expression e = ClauseGrammar.read(body);
        if (e != null) {
            return new Reading(e.kind(), e.clauses(), null, null);
        }
        Reading mixed = withModel(body);
        if (mixed != null) {
            return mixed;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("all") || lower.equals("any") || lower.startsWith("any version")) {
            return Reading.of(Kind.ALL, null);
        }
        // A bound or version number we could not place needs a person; plain words are a model in the version slot.
        boolean words = body.chars().anyMatch(Character::isLetter) && body.chars().noneMatch(c -> "<>=".indexOf(c) >= 0);
        return Reading.of(words && !DOTTED.matcher(body).find() ? Kind.MODEL : Kind.UNPARSEABLE, null);
    }

    /** "v8.x model 35700BAX2", "Base Unit NEW with Software 04.00.00 or newer", "653 MCE 3.x"; null otherwise. */
    private static Reading withModel(String t) {
        Matcher m = WITH_MODEL.matcher(t);
        if (m.matches()) {
            Expression head = ClauseGrammar.read(m.group(1));
            if (head != null) {
                String model = m.group(2).strip();
                int paren = model.indexOf('(');
                return new Reading(head.kind(), head.clauses(), paren > 0 ? model.substring(0, paren).strip() : model,
                        paren > 0 ? model.substring(paren).strip() : null);
            }
        }
        for (Pattern p : List.of(MODEL_WITH_SOFTWARE, MODEL_THEN_VERSION)) {
            m = p.matcher(t);
            if (m.matches()) {
                Expression tail = ClauseGrammar.read(m.group(2));
                if (tail != null && ClauseGrammar.read(m.group(1)) == null) {
                    return new Reading(tail.kind(), tail.clauses(), m.group(1).strip(), null);
                }
            }
        }
        return null;
    }
}
