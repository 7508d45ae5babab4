package org.vigil.udi;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one UDI the way hospitals have it: typed from the label, pasted from a spreadsheet or sent by a barcode
 * scanner. Accepted forms:
 * <ul>
 * <li>a bare DI: a GTIN of 8, 12, 13 or 14 digits, or a HIBCC DI ({@code H123PN1001});</li>
 * <li>the GS1 human-readable form under the barcode: {@code (01)00884838101180(17)250101(10)ABC123(21)S1};</li>
 * <li>the GS1 string as a scanner sends it: {@code 01008848381011801725010110ABC123<GS>21S1}, with the group
 * separator (ASCII 29, also written {@code <GS>} or {@code ␝} when a spreadsheet cannot hold it) and an optional
 * symbology identifier in front ({@code ]d2} Data Matrix, {@code ]C1} GS1-128, {@code ]Q3} QR);</li>
 * <li>a HIBCC code: {@code +H123PN1001/$$3250101LOT77C}, also as two symbols separated by a space, with
 * {@code /$$} lot and expiry, {@code /$+} serial and {@code /16D}/{@code /14D} dates.</li>
 * </ul>
 * A problem is described the way a person at the label would fix it: a wrong check digit says which digit it
 * should be.
 */
public final class UdiLabel {

    private static final Pattern SYMBOLOGY = Pattern.compile("^\\][A-Za-z][0-9A-Za-z]");
    private static final Pattern GTIN = Pattern.compile("\\d{8}|\\d{12,14}");
    private static final Pattern HIBCC_DI = Pattern.compile("[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]");
    static final char GS = '\u001d';

    /** Either a UDI or the reason the text is not one. */
    public record Reading(Udi udi, String problem) {
        public boolean ok() {
            return udi != null;
        }

        static Reading of(Udi udi) {
            return new Reading(udi, null);
        }

        static Reading problem(String problem) {
            return new Reading(null, problem);
        }
    }

    private UdiLabel() {
    }

    /** Reads a UDI in any of the forms above; never throws. */
    public static Reading read(String raw) {
        if (raw == null || raw.isBlank()) {
            return Reading.problem("is empty");
        }
        String s = raw.strip().replaceAll("(?i)<GS>|\\{GS}|\u241d", String.valueOf(GS));
        s = SYMBOLOGY.matcher(s).replaceFirst("");
        if (s.startsWith("(")) {
            return Gs1Label.readHumanReadable(s);
        }
        if (s.startsWith("+")) {
            return HibccLabel.read(s.toUpperCase(Locale.ROOT));
        }
        String compact = s.replace(" ", "");
        if (GTIN.matcher(compact).matches()) {
            return gtin(compact);
        }
        if (compact.length() > 14 && compact.startsWith("01") && compact.chars().allMatch(c -> c == GS
                || (c >= '!' && c <= 'z'))) {
            return Gs1Label.readElementString(compact);
        }
        String upper = compact.toUpperCase(Locale.ROOT);
        if (HIBCC_DI.matcher(upper).matches()) {
            return Reading.of(new Udi(Udi.Agency.HIBCC, upper, null, null, null, null));
        }
        return Reading.problem("'" + raw.strip() + "' is not a UDI: expected a GS1 GTIN (8, 12, 13 or 14 digits), "
                + "a GS1 label text '(01)…(17)…(10)…', a scanned GS1 string '01…', or a HIBCC code '+…'");
    }

    /** A GTIN of 8, 12, 13 or 14 digits as a GTIN-14, or the check digit problem. */
    static Reading gtin(String digits) {
        String gtin14 = "0".repeat(14 - digits.length()) + digits;
        char expected = gs1CheckDigit(gtin14.substring(0, 13));
        if (gtin14.charAt(13) != expected) {
            return Reading.problem("GTIN " + digits + " has the wrong check digit " + gtin14.charAt(13)
                    + ": for " + digits.substring(0, digits.length() - 1) + " it must be " + expected
                    + " (is a digit mistyped?)");
        }
        return Reading.of(new Udi(Udi.Agency.GS1, gtin14, null, null, null, null));
    }

    /** The GS1 mod-10 check digit for the digits before it (weights 3, 1, 3, … from the right). */
    public static char gs1CheckDigit(String data) {
        int sum = 0;
        for (int i = data.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (data.charAt(i) - '0') * weight;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
