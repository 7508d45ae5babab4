package org.vigil.udi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.vigil.udi.UdiLabel.Reading;

/**
 * One HIBCC UDI, strictly (ANSI/HIBC 2.6): the primary data {@code +LIC PCN UoM} and its mod-43 check character,
 * with the secondary data either concatenated after a slash ({@code +H123PN1001/$$3250101LOT77C}, one check
 * character at the end) or as a second symbol ({@code +H123PN1001X +$$3250101LOT77XY}: flag, data, the primary's
 * check character as link, its own check character). Secondary structures: {@code $$} [quantity] date format and
 * lot, {@code $$+} the same with a serial, {@code $} lot alone, {@code $+} serial alone; supplementary
 * {@code /14D} expiry and {@code /16D} manufacturing date (YYYYMMDD), {@code /S} serial.
 */
final class HibccLabel {

    private static final Pattern PRIMARY = Pattern.compile("[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]");
    /** Date lengths by format indicator: 0 MMYY, 2 MMDDYY, 3 YYMMDD, 4 YYMMDDHH, 5 YYJJJ, 6 YYJJJHH, 7 none. */
    private static final int[] DATE_LENGTH = {4, -1, 6, 6, 8, 5, 7, 0};

    private HibccLabel() {
    }

    static Reading read(String s) {
        String[] symbols = s.split("\\s+");
        if (symbols.length > 2) {
            return Reading.problem("a HIBCC UDI is one code, or a primary and a secondary code separated by a space");
        }
        String primary = symbols[0];
        if (primary.startsWith("+$")) {
            return Reading.problem("'" + primary + "' is the HIBCC secondary code (lot, serial, expiry) alone; the "
                    + "device identifier is in the primary code, which starts with '+' and the labeler code");
        }
        String problem = checkProblem(primary);
        if (problem != null) {
            return Reading.problem(problem);
        }
        String body = primary.substring(1, primary.length() - 1);
        int slash = body.indexOf('/');
        String di = slash < 0 ? body : body.substring(0, slash);
        if (!PRIMARY.matcher(di).matches()) {
            return Reading.problem("HIBCC primary data '" + di + "' must be a 4-character labeler code starting with "
                    + "a letter, a product number of 1 to 18 letters or digits, and a unit-of-measure digit");
        }
        String secondary = slash < 0 ? null : body.substring(slash + 1);
        if (symbols.length == 2) {
            String second = symbols[1];
            if (secondary != null || !second.startsWith("+$") || second.length() < 4) {
                return Reading.problem("the second HIBCC code must be a secondary code starting with '+$'");
            }
            problem = checkProblem(second);
            if (problem != null) {
                return Reading.problem("secondary code: " + problem);
            }
            char link = second.charAt(second.length() - 2);
            if (link != primary.charAt(primary.length() - 1)) {
                return Reading.problem("the secondary code's link character '" + link + "' is not the primary code's "
                        + "check character '" + primary.charAt(primary.length() - 1) + "': the codes are from two labels");
            }
            secondary = second.substring(1, second.length() - 2);
        }
        try {
            return Reading.of(secondary == null ? new Udi(Udi.Agency.HIBCC, di, null, null, null, null)
                    : secondary(di, secondary));
        } catch (IllegalArgumentException e) {
            return Reading.problem(e.getMessage());
        }
    }

    private static String checkProblem(String code) {
        char expected = HibccCode.checkCharacter(code.substring(0, code.length() - 1));
        if (expected == 0) {
            return "'" + code + "' has characters outside the HIBCC set (A-Z, 0-9, - . space $ / + %)";
        }
        char actual = code.charAt(code.length() - 1);
        return actual == expected ? null : "HIBCC code " + code + " has the wrong check character '" + actual
                + "': for " + code.substring(0, code.length() - 1) + " it must be '" + expected + "'";
    }

    private static Udi secondary(String di, String data) {
        String lot = null;
        String serial = null;
        LocalDate expiry = null;
        LocalDate made = null;
        String[] parts = data.split("/");
        String first = parts[0];
        if (first.startsWith("$$")) {
            boolean isSerial = first.startsWith("$$+");
            String rest = first.substring(isSerial ? 3 : 2);
            if (rest.startsWith("8") || rest.startsWith("9")) {
                // quantity: 8 + 2 digits or 9 + 5 digits, then the date format as usual
                rest = rest.substring(Math.min(rest.length(), rest.startsWith("8") ? 3 : 6));
            }
            int format = !rest.isEmpty() && rest.charAt(0) >= '2' && rest.charAt(0) <= '7' ? rest.charAt(0) - '0' : 0;
            if (format != 0) {
                rest = rest.substring(1);
            }
            int length = DATE_LENGTH[format];
            if (rest.length() < length) {
                throw new IllegalArgumentException("HIBCC secondary data '" + first + "' is too short for its date");
            }
            expiry = date(rest.substring(0, length), format);
            String id = rest.substring(length);
            if (isSerial) {
                serial = id.isEmpty() ? null : id;
            } else {
                lot = id.isEmpty() ? null : id;
            }
        } else if (first.startsWith("$+")) {
            serial = first.substring(2);
        } else if (first.startsWith("$")) {
            lot = first.substring(1);
        } else {
            throw new IllegalArgumentException("HIBCC secondary data '" + first + "' must start with $$, $+ or $");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("14D") || p.startsWith("16D")) {
                LocalDate d = yyyymmdd(p.substring(3), p);
                expiry = p.startsWith("14D") ? d : expiry;
                made = p.startsWith("16D") ? d : made;
            } else if (p.startsWith("S") && p.length() > 1) {
                serial = p.substring(1);
            }
        }
        return new Udi(Udi.Agency.HIBCC, di, blankToNull(lot), blankToNull(serial), expiry, made);
    }

    private static LocalDate date(String d, int format) {
        if (d.isEmpty()) {
            return null;
        }
        try {
            if (!d.chars().allMatch(Character::isDigit)) {
                throw new DateTimeException("not digits");
            }
            return switch (format) {
                case 0 -> YearMonth.of(year(d.substring(2, 4)), num(d, 0)).atEndOfMonth();
                case 2 -> LocalDate.of(year(d.substring(4, 6)), num(d, 0), num(d, 2));
                case 3, 4 -> LocalDate.of(year(d.substring(0, 2)), num(d, 2), num(d, 4));
                default -> Year.of(year(d.substring(0, 2))).atDay(Integer.parseInt(d.substring(2, 5)));
            };
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("HIBCC expiry '" + d + "' is not a date in the format its indicator "
                    + "(" + format + ") names");
        }
    }

    private static LocalDate yyyymmdd(String d, String part) {
        try {
            return LocalDate.of(Integer.parseInt(d.substring(0, 4)), num(d, 4), num(d, 6));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("HIBCC '/" + part + "' must be followed by a date YYYYMMDD");
        }
    }

    private static int num(String d, int at) {
        return Integer.parseInt(d.substring(at, at + 2));
    }

    private static int year(String yy) {
        return Gs1Label.centuryNearToday(Integer.parseInt(yy));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
