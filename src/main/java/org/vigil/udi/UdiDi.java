package org.vigil.udi;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * UDI device identifiers as FDA-accredited issuing agencies define them. GS1: a GTIN (8, 12, 13 or 14 digits)
 * whose last digit is the mod-10 check digit; we store it as GTIN-14 (left-padded with zeros) so that the same
 * product written as GTIN-13 and GTIN-14 compares equal. HIBCC: a Labeler Identification Code (4 characters, the
 * first alphabetic), a product/catalogue number (1–18 alphanumerics) and a unit-of-measure digit; with the leading
 * '+' flag character it is a full primary barcode and its mod-43 check character is verified too.
 */
public final class UdiDi {

    private static final Pattern DIGITS = Pattern.compile("\\d{8}|\\d{12,14}");
    private static final Pattern HIBCC = Pattern.compile("[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]");
    private static final String HIBCC_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

    private UdiDi() {
    }

    /** The canonical form of a valid DI (GTIN-14 or HIBCC without flag and check character), or empty. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (s.startsWith("(01)")) {
            s = s.substring(4);
        }
        if (DIGITS.matcher(s).matches()) {
            String gtin14 = "0".repeat(14 - s.length()) + s;
            return gs1CheckDigitValid(gtin14) ? Optional.of(gtin14) : Optional.empty();
        }
        if (s.startsWith("+")) {
            // "+" LIC PCN UoM check: the check character covers everything before it, flag included.
            if (s.length() < 4 || !hibccCheckValid(s)) {
                return Optional.empty();
            }
            s = s.substring(1, s.length() - 1);
        }
        return HIBCC.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        return normalize(raw).isPresent();
    }

    /** GS1 mod-10: weights 3,1,3,… from the rightmost data digit. */
    public static boolean gs1CheckDigitValid(String digits) {
        int sum = 0;
        int last = digits.length() - 1;
        for (int i = last - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        int check = (10 - sum % 10) % 10;
        return check == digits.charAt(last) - '0';
    }

    /** HIBCC mod-43 over every character before the check character. */
    public static boolean hibccCheckValid(String withFlag) {
        int sum = 0;
        for (int i = 0; i < withFlag.length() - 1; i++) {
            int v = HIBCC_CHARS.indexOf(withFlag.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v;
        }
        return HIBCC_CHARS.charAt(sum % 43) == withFlag.charAt(withFlag.length() - 1);
    }
}
