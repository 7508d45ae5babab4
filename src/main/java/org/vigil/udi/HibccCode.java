package org.vigil.udi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HIBCC bar codes per the HIBC Supplier Labeling Standard (ANSI/HIBC 2.6). Primary data structure: flag '+',
 * Labeler Identification Code (4, first alphabetic), Product/Catalog Number (1-18 alphanumerics), Unit of Measure
 * (1 digit), then a mod-43 check character. Secondary data follows either concatenated ("+A123BJC5D6E71/$$52001510X3G",
 * one check character at the very end covering everything) or as its own symbol. Secondary structures that carry a
 * lot: "$$" + MMYY expiry, "$$2" MMDDYY, "$$3" YYMMDD, "$$4" YYMMDDHH, "$$5" YYJJJ, "$$6" YYJJJHH, "$$7" no date;
 * "$$+" variants carry a serial instead of a lot; a bare "$" is a lot alone.
 * The DI is LIC + PCN + UoM, without flag and check character, which is how GUDID records HIBCC DIs.
 */
public final class HibccCode {

    private static final String CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
    private static final Pattern FLAGGED = Pattern.compile("\\+([A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9])"
            + "(?:/([A-Z0-9$+\\-./%]+)|([A-Z0-9\\-.$/+% ]))?(?![A-Z0-9])");
    private static final int[] DATE_LENGTH = {4, -1, 6, 6, 8, 5, 7, 0};

    /** One HIBCC UDI: the DI and the lot, expiry (as printed) or serial found in its secondary data. */
    public record HibccUdi(String di, String lot, String expiry, String serial) {
    }

    private HibccCode() {
    }

    /** Every '+'-flagged HIBCC primary structure in the text whose check character is right. */
    public static List<HibccUdi> findAll(String text) {
        List<HibccUdi> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = FLAGGED.matcher(text.toUpperCase(java.util.Locale.ROOT));
        while (m.find()) {
            Optional<HibccUdi> u = parse(m.group());
            // A space check character at the very end is lost when the field is trimmed ("… UDI: +M572TPS341").
            if (u.isEmpty() && m.end() == m.regionEnd() && m.group(2) == null && m.group(3) == null) {
                u = parse(m.group() + " ");
            }
            u.ifPresent(found::add);
        }
        return found;
    }

    /** Parses one flagged code ("+LIC PCN UoM C" or the concatenated primary/secondary form). */
    public static Optional<HibccUdi> parse(String code) {
        if (code == null || code.length() < 4 || code.charAt(0) != '+' || !checkValid(code)) {
            return Optional.empty();
        }
        String body = code.substring(1, code.length() - 1);
        int slash = body.indexOf('/');
        if (slash < 0) {
            return Optional.of(new HibccUdi(body, null, null, null));
        }
        String di = body.substring(0, slash);
        // In the concatenated form the secondary data loses its own flag and link character.
        String secondary = body.substring(slash + 1);
        return Optional.of(secondary(di, secondary));
    }

    private static HibccUdi secondary(String di, String s) {
        if (s.startsWith("$$")) {
            boolean serial = s.length() > 2 && s.charAt(2) == '+';
            String rest = s.substring(serial ? 3 : 2);
            int format = rest.isEmpty() || !Character.isDigit(rest.charAt(0)) ? 0 : rest.charAt(0) - '0';
            if (format == 1 || format > 7) {
                format = 0;
            }
            if (format >= 2) {
                rest = rest.substring(1);
            }
            int dateLength = DATE_LENGTH[format];
            String date = dateLength > 0 && rest.length() >= dateLength ? rest.substring(0, dateLength) : null;
            if (date != null && !date.chars().allMatch(Character::isDigit)) {
                date = null;
            }
            String id = date == null ? rest : rest.substring(dateLength);
            id = id.isEmpty() ? null : id;
            return serial ? new HibccUdi(di, null, date, id) : new HibccUdi(di, id, date, null);
        }
        if (s.startsWith("$+")) {
            return new HibccUdi(di, null, null, s.length() > 2 ? s.substring(2) : null);
        }
        if (s.startsWith("$")) {
            return new HibccUdi(di, s.length() > 1 ? s.substring(1) : null, null, null);
        }
        // "/16D20251231" and other data identifiers: keep the DI, skip what we do not model.
        return new HibccUdi(di, null, null, null);
    }

    /** Mod 43 over every character before the check character, flag included. */
    static boolean checkValid(String code) {
        int sum = 0;
        for (int i = 0; i < code.length() - 1; i++) {
            int v = CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v;
        }
        return CHARS.charAt(sum % 43) == code.charAt(code.length() - 1);
    }

    /** Appends the check character: for tests and generated fixtures. */
    public static String withCheck(String withoutCheck) {
        return withoutCheck + checkCharacter(withoutCheck);
    }

    /** The mod-43 check character for these characters, or 0 when one is outside the HIBCC character set. */
    public static char checkCharacter(String withoutCheck) {
        int sum = 0;
        for (int i = 0; i < withoutCheck.length(); i++) {
            int v = CHARS.indexOf(withoutCheck.charAt(i));
            if (v < 0) {
                return 0;
            }
            sum += v;
        }
        return CHARS.charAt(sum % 43);
    }
}
