package org.vigil.udi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lots and serial numbers a recall is limited to, from the labels firms write in openFDA {@code code_info}:
 * "Lot Number: 122927", "Lot/Batch Numbers: 13F18C0374, 13F18H0580", "Lots 980221 (exp. 01/20/2023) and 974221",
 * "Lot Numbers:  220706 Exp. 05/04/2024;  221122 Exp. 06/07/2024.", "Serial Numbers: AP0447, AP0448 &amp; AP0463.",
 * "Lots begin with: 15AMLB, 15BMLB" (prefixes, written {@code 15AMLB*}), "Serial numbers 1000 through 1999"
 * (a range, written {@code 1000..1999}). A number must contain a digit, which ends a list at the next word ("Ref",
 * "Exp", "UDI"). Texts that say "all lots" or "all serial numbers" give no limit of that kind: a wrong limit would
 * hide a recalled device, a missing one only makes the finding less certain.
 */
public final class LotsAndSerials {

    private static final String ITEM = "[A-Za-z0-9][A-Za-z0-9\\-./]*[A-Za-z0-9]|[0-9]";
    private static final String EXPIRY = "(?:\\s*\\(?\\s*(?i:exp(?:iry|iration)?(?:\\s+date)?)\\.?\\s*[:.]?\\s*"
            + "[0-9][0-9/.\\-]*\\)?)?";
    private static final String SEPARATOR = "\\s*(?:,|;|&|\\band\\b|\\bto\\b|\\bthrough\\b|\\bthru\\b)\\s*";
    private static final Pattern LOT = Pattern.compile("(?i)\\b(?:lots?(?:\\s*/\\s*batch)?|batch(?:es)?)\\b"
            + "(?:\\s*(?:numbers?|nos?\\.?|#|codes?))?\\s*[:#]?\\s*((?:begin(?:s|ning)?|start(?:s|ing)?)\\s+with\\s*:?\\s*)?");
    private static final Pattern SERIAL = Pattern.compile("(?i)(?:\\bserial(?:s)?(?:\\s*(?:numbers?|nos?\\.?|#))?"
            + "|\\bS/?N\\b)\\s*[:#]?\\s*((?:begin(?:s|ning)?|start(?:s|ing)?)\\s+with\\s*:?\\s*)?");
    private static final Pattern LIST = Pattern.compile("(" + ITEM + ")" + EXPIRY + "((?:" + SEPARATOR + "(?:" + ITEM
            + ")" + EXPIRY + ")*)");
    private static final Pattern NEXT = Pattern.compile("(" + SEPARATOR + ")(" + ITEM + ")");
    private static final Pattern ALL_LOTS = Pattern.compile("(?i)\\ball\\s+(?:lot|batch)");
    private static final Pattern ALL_SERIALS = Pattern.compile("(?i)\\ball\\s+serial");

    /** Lots and serials, each in order of appearance; prefixes end in '*', ranges are {@code first..last}. */
    public record Found(List<String> lots, List<String> serials) {
    }

    private LotsAndSerials() {
    }

    public static Found extract(String... texts) {
        Set<String> lots = new LinkedHashSet<>();
        Set<String> serials = new LinkedHashSet<>();
        boolean allLots = false;
        boolean allSerials = false;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            allLots |= ALL_LOTS.matcher(text).find();
            allSerials |= ALL_SERIALS.matcher(text).find();
            lots.addAll(after(LOT, text));
            serials.addAll(after(SERIAL, text));
            for (Gs1ElementString.Gs1Udi u : Gs1ElementString.findAll(text)) {
                addIfPresent(lots, u.lot());
                addIfPresent(serials, u.serial());
            }
        }
        return new Found(allLots ? List.of() : List.copyOf(lots), allSerials ? List.of() : List.copyOf(serials));
    }

    private static List<String> after(Pattern label, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = label.matcher(text);
        while (m.find()) {
            boolean prefix = m.group(1) != null;
            Matcher list = LIST.matcher(text).region(m.end(), text.length());
            if (!list.lookingAt()) {
                continue;
            }
            String previous = list.group(1);
            add(out, previous, prefix);
            Matcher next = NEXT.matcher(list.group(2));
            while (next.find()) {
                String item = next.group(2);
                if (item.chars().noneMatch(Character::isDigit)) {
                    break;
                }
                String separator = next.group(1).strip().toLowerCase(java.util.Locale.ROOT);
                if (Set.of("to", "through", "thru").contains(separator)) {
                    out.remove(out.size() - 1);
                    out.add(previous + ".." + item);
                } else {
                    add(out, item, prefix);
                }
                previous = item;
            }
        }
        return out;
    }

    private static void add(List<String> out, String item, boolean prefix) {
        String s = item.replaceAll("[.]+$", "");
        if (s.chars().anyMatch(Character::isDigit)) {
            out.add(prefix ? s + "*" : s);
        }
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }
}
