package org.vigil.udi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds UDI device identifiers (and the lots and serials printed with them) in free text such as an openFDA
 * recall's {@code code_info}. Recognises, in this order: GS1 element strings (parenthesised or plain digits),
 * '+'-flagged HIBCC codes with a valid check character, and bare identifiers after a UDI label, as firms write
 * them: "UDI-DI: 00382904441500;", "UDI-Device Identifier (GTIN/UPN): 10884521130319", "UDI: M572TPS3011113011".
 * A bare 14-digit number is taken only after such a label and only with a valid GS1 check digit, because code_info
 * is full of lot and serial numbers of the same length.
 */
public final class UdiExtractor {

    private static final Pattern LABELLED = Pattern.compile(
            "(?i)\\b(?:UDI(?:[\\s-]*DI)?|UDI[\\s-]*Device\\s+Identifier|GTIN|UPN|Device\\s+Identifier|DI)"
            + "(?:\\s*\\([A-Z/ ]+\\))?\\s*(?:Code|Number|No\\.?|#)?\\s*[:#=]?\\s*"
            + "(\\+?[A-Z0-9]{8,25})(?![A-Z0-9])");

    /** DIs (GTIN-14 or HIBCC, normalized by {@link UdiDi}), lots and serials found, each in order of appearance. */
    public record Found(List<String> udiDis, List<String> lots, List<String> serials) {
    }

    private UdiExtractor() {
    }

    public static Found extract(String... texts) {
        Set<String> dis = new LinkedHashSet<>();
        Set<String> lots = new LinkedHashSet<>();
        Set<String> serials = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            for (Gs1ElementString.Gs1Udi u : Gs1ElementString.findAll(text)) {
                dis.add(u.gtin());
                addIfPresent(lots, u.lot());
                addIfPresent(serials, u.serial());
            }
            for (HibccCode.HibccUdi u : HibccCode.findAll(text)) {
                dis.add(u.di());
                addIfPresent(lots, u.lot());
                addIfPresent(serials, u.serial());
            }
            Matcher m = LABELLED.matcher(text);
            while (m.find()) {
                labelled(m.group(1)).ifPresent(dis::add);
            }
        }
        return new Found(new ArrayList<>(dis), new ArrayList<>(lots), new ArrayList<>(serials));
    }

    private static java.util.Optional<String> labelled(String token) {
        String t = token.toUpperCase(Locale.ROOT);
        if (t.startsWith("+")) {
            return HibccCode.parse(t).map(HibccCode.HibccUdi::di);
        }
        if (t.chars().allMatch(Character::isDigit)) {
            // Plain element strings ("0100844505000772...") were handled above; here only whole GTINs.
            return t.length() == 14 || t.length() == 13 || t.length() == 12 ? UdiDi.normalize(t)
                    : java.util.Optional.empty();
        }
        // An unflagged HIBCC DI needs a letter first and a digit somewhere: "M572TPS3011113011", not "CODE".
        return t.chars().anyMatch(Character::isDigit) ? UdiDi.normalize(t) : java.util.Optional.empty();
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }
}
