package org.vigil.udi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GS1 element strings as they appear in recall text, per the GS1 General Specifications (section 3, application
 * identifiers): (01) GTIN, fixed 14 digits; (11) production and (17) expiry dates, fixed YYMMDD; (10) batch/lot and
 * (21) serial, variable up to 20 characters. Written either with the AIs in parentheses (the human-readable form
 * under a barcode, "(01)00844505000772(10)122927(17)310301") or as plain digits ("0100844505000772172503011012AB").
 * In the plain form a variable-length field ends at a group separator (FNC1) or, in free text, at whitespace, so
 * it is read to the end of the token: the specification puts variable fields last for exactly this reason.
 */
public final class Gs1ElementString {

    /** Fixed data lengths of the predefined-length AIs we meet in device labels (GS1 GenSpecs table 5.10.1-1). */
    static final Map<String, Integer> FIXED = Map.of("01", 14, "02", 14, "11", 6, "13", 6, "15", 6, "16", 6,
            "17", 6, "20", 2, "7003", 10);
    /** Variable-length AIs with their maximum lengths. */
    static final Map<String, Integer> VARIABLE = Map.of("10", 20, "21", 20, "22", 20, "30", 8, "240", 30,
            "241", 30, "250", 30, "235", 28);

    private static final Pattern PARENTHESISED = Pattern.compile(
            "(?:\\(\\s*\\d{2,4}\\s*\\)\\s*[0-9A-Za-z\\-./]+\\s*)+");
    private static final Pattern ONE_AI = Pattern.compile("\\(\\s*(\\d{2,4})\\s*\\)\\s*([0-9A-Za-z\\-./]+)");
    private static final Pattern PLAIN = Pattern.compile("(?<![0-9A-Za-z])01\\d{14}[0-9A-Za-z\\u001d]*");

    /** One parsed UDI: the DI as GTIN-14 and the production identifiers found with it (null when absent). */
    public record Gs1Udi(String gtin, String lot, String expiry, String serial) {
    }

    private Gs1ElementString() {
    }

    /** Every GS1 UDI in the text whose GTIN has a valid check digit, in order of appearance. */
    public static List<Gs1Udi> findAll(String text) {
        List<Gs1Udi> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = PARENTHESISED.matcher(text);
        while (m.find()) {
            parseParenthesised(m.group()).ifPresent(found::add);
        }
        Matcher p = PLAIN.matcher(text);
        while (p.find()) {
            parsePlain(p.group()).ifPresent(found::add);
        }
        return found;
    }

    static java.util.Optional<Gs1Udi> parseParenthesised(String s) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = ONE_AI.matcher(s);
        while (m.find()) {
            String ai = m.group(1);
            String value = m.group(2);
            Integer fixed = FIXED.get(ai);
            if (fixed != null && value.length() > fixed) {
                // "(01)00844505000772(10)..." never needs this, but "(17)310301Lot" in run-on text does.
                value = value.substring(0, fixed);
            }
            fields.putIfAbsent(ai, value);
        }
        return toUdi(fields);
    }

    static java.util.Optional<Gs1Udi> parsePlain(String s) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '\u001d') {
                i++;
                continue;
            }
            String ai = aiAt(s, i);
            if (ai == null) {
                break;
            }
            i += ai.length();
            Integer fixed = FIXED.get(ai);
            int end;
            if (fixed != null) {
                end = i + fixed;
                if (end > s.length()) {
                    break;
                }
            } else {
                int gs = s.indexOf('\u001d', i);
                end = Math.min(gs < 0 ? s.length() : gs, i + VARIABLE.get(ai));
            }
            fields.putIfAbsent(ai, s.substring(i, end));
            i = end;
        }
        return toUdi(fields);
    }

    static String aiAt(String s, int i) {
        for (int len = 2; len <= 4 && i + len <= s.length(); len++) {
            String ai = s.substring(i, i + len);
            if (FIXED.containsKey(ai) || VARIABLE.containsKey(ai)) {
                return ai;
            }
        }
        return null;
    }

    private static java.util.Optional<Gs1Udi> toUdi(Map<String, String> fields) {
        String gtin = fields.get("01");
        if (gtin == null || !gtin.matches("\\d{14}") || !UdiDi.gs1CheckDigitValid(gtin)) {
            return java.util.Optional.empty();
        }
        String expiry = fields.get("17");
        return java.util.Optional.of(new Gs1Udi(gtin, fields.get("10"),
                expiry != null && expiry.matches("\\d{6}") ? expiry : null, fields.get("21")));
    }
}
