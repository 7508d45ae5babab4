package org.vigil.udi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.udi.UdiLabel.Reading;

/**
 * One GS1 UDI, strictly: every character must belong to an application identifier (GS1 General Specifications
 * section 3) and the GTIN's check digit must be right. Unlike {@link Gs1ElementString}, which finds UDIs in
 * free text and skips what it cannot read, this says what is wrong with the one the user gave.
 */
final class Gs1Label {

    private static final Pattern AI = Pattern.compile("\\(\\s*(\\d{2,4})\\s*\\)\\s*([^(]*)");
    private static final String KNOWN = "(01) GTIN, (10) lot, (11) manufacturing date, (17) expiry, (21) serial, "
            + "(30), (240), (241), (7003)";

    private Gs1Label() {
    }

    /** The text printed under the barcode: {@code (01)00884838101180(17)250101(10)ABC123}. */
    static Reading readHumanReadable(String s) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = AI.matcher(s);
        int position = 0;
        while (m.find()) {
            if (m.start() != position) {
                break;
            }
            String problem = put(fields, m.group(1), m.group(2).strip());
            if (problem != null) {
                return Reading.problem(problem);
            }
            position = m.end();
        }
        if (position != s.length()) {
            return Reading.problem("cannot read '" + s.substring(position) + "' in the GS1 label text: every part "
                    + "must be an application identifier in parentheses and its value, e.g. (01)…(17)…(10)…");
        }
        return udi(fields);
    }

    /** What a scanner sends: AIs without parentheses, variable-length values ended by a group separator. */
    static Reading readElementString(String s) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == UdiLabel.GS) {
                i++;
                continue;
            }
            String ai = Gs1ElementString.aiAt(s, i);
            if (ai == null) {
                return Reading.problem("'" + s.substring(i, Math.min(s.length(), i + 4)) + "' at position " + (i + 1)
                        + " of the scanned GS1 string is not an application identifier Vigil reads (" + KNOWN + ")");
            }
            i += ai.length();
            Integer fixed = Gs1ElementString.FIXED.get(ai);
            int end;
            if (fixed != null) {
                end = Math.min(s.length(), i + fixed);
            } else {
                int gs = s.indexOf(UdiLabel.GS, i);
                end = gs < 0 ? s.length() : gs;
            }
            String problem = put(fields, ai, s.substring(i, end));
            if (problem != null) {
                return Reading.problem(problem);
            }
            i = end;
        }
        return udi(fields);
    }

    private static String put(Map<String, String> fields, String ai, String value) {
        Integer fixed = Gs1ElementString.FIXED.get(ai);
        Integer max = Gs1ElementString.VARIABLE.get(ai);
        if (fixed == null && max == null) {
            return "(" + ai + ") is not an application identifier Vigil reads in a UDI (" + KNOWN + ")";
        }
        if (fixed != null && value.length() != fixed) {
            return "(" + ai + ") must have " + fixed + " characters, '" + value + "' has " + value.length();
        }
        if (max != null && (value.isEmpty() || value.length() > max)) {
            return "(" + ai + ") '" + value + "' must have 1 to " + max + " characters"
                    + (value.length() > max ? "; is a group separator (ASCII 29) missing after it?" : "");
        }
        if (fields.putIfAbsent(ai, value) != null) {
            return "(" + ai + ") is given twice";
        }
        return null;
    }

    private static Reading udi(Map<String, String> fields) {
        String gtin = fields.get("01");
        if (gtin == null) {
            return Reading.problem("a GS1 UDI needs the GTIN, (01) followed by 14 digits");
        }
        if (!gtin.chars().allMatch(Character::isDigit)) {
            return Reading.problem("(01) GTIN '" + gtin + "' must be 14 digits");
        }
        Reading di = UdiLabel.gtin(gtin);
        if (!di.ok()) {
            return di;
        }
        LocalDate expiry;
        LocalDate made;
        try {
            expiry = date(fields.get("17"), "17", "expiry");
            made = date(fields.get("11"), "11", "manufacturing date");
        } catch (IllegalArgumentException e) {
            return Reading.problem(e.getMessage());
        }
        return Reading.of(new Udi(Udi.Agency.GS1, di.udi().di(), fields.get("10"), fields.get("21"), expiry, made));
    }

    /** YYMMDD; day 00 means the last day of the month; the century is the one nearest today (GS1 GenSpecs 7.12). */
    static LocalDate date(String yymmdd, String ai, String what) {
        if (yymmdd == null) {
            return null;
        }
        try {
            if (!yymmdd.matches("\\d{6}")) {
                throw new DateTimeException("not digits");
            }
            int yy = Integer.parseInt(yymmdd.substring(0, 2));
            int year = centuryNearToday(yy);
            YearMonth month = YearMonth.of(year, Integer.parseInt(yymmdd.substring(2, 4)));
            int day = Integer.parseInt(yymmdd.substring(4, 6));
            return day == 0 ? month.atEndOfMonth() : month.atDay(day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("(" + ai + ") " + what + " '" + yymmdd + "' is not a date YYMMDD");
        }
    }

    static int centuryNearToday(int yy) {
        int now = LocalDate.now().getYear();
        int year = now - now % 100 + yy;
        if (year - now > 50) {
            year -= 100;
        } else if (now - year >= 50) {
            year += 100;
        }
        return year;
    }
}
