package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A recall limited to some lots or serial numbers. The model evidence says the device is the recalled kind; the
 * lot or serial says whether it is a recalled unit: listed → CONFIRMED; none recorded → POSSIBLE (someone must read
 * the label); another one recorded → not affected. Entries ending in '*' are prefixes ("Lots begin with 15AMLB"),
 * {@code a..b} a range of numbers sharing a prefix; comparison ignores case, spaces and leading zeros of numbers.
 * Applied per device after the per-signature match, since units of one model differ in exactly this.
 */
public record LotScope(List<String> lots, List<String> serials) {

    /** The product's limits, or null when it names none. */
    static LotScope of(ProductFacts p) {
        List<String> lots = p.lots() == null ? List.of() : p.lots();
        List<String> serials = p.serials() == null ? List.of() : p.serials();
        return lots.isEmpty() && serials.isEmpty() ? null : new LotScope(lots, serials);
    }

    /** Both limits together: a unit listed under either product is recalled. */
    LotScope union(LotScope other) {
        Set<String> l = new LinkedHashSet<>(lots);
        l.addAll(other.lots);
        Set<String> s = new LinkedHashSet<>(serials);
        s.addAll(other.serials);
        return new LotScope(List.copyOf(l), List.copyOf(s));
    }

    /** The result for this unit: confirmed, left for review, or empty when the device's lot or serial is not listed. */
    Optional<MatchResult> narrow(MatchResult r, DeviceFacts d) {
        String lot = blankToNull(d.lotNumber());
        String serial = blankToNull(d.serialNumber());
        List<String> reasons = new ArrayList<>(r.reasons());
        if (lot != null && listed(lot, lots)) {
            reasons.add("lot '" + lot + "' is among the recalled lots");
            return Optional.of(new MatchResult(Confidence.CONFIRMED, false, reasons));
        }
        if (serial != null && listed(serial, serials)) {
            reasons.add("serial number '" + serial + "' is among the recalled serial numbers");
            return Optional.of(new MatchResult(Confidence.CONFIRMED, false, reasons));
        }
        boolean comparable = (lot != null && !lots.isEmpty()) || (serial != null && !serials.isEmpty());
        if (comparable) {
            return Optional.empty();
        }
        reasons.add("the recall is limited to " + describe() + "; this device has no "
                + (lots.isEmpty() ? "serial number" : serials.isEmpty() ? "lot" : "lot or serial number")
                + " recorded: check its label");
        return Optional.of(new MatchResult(Confidence.POSSIBLE, true, reasons));
    }

    /** Why a unit with another lot or serial is not affected, for explanations. */
    public String notListed(DeviceFacts d) {
        return "the recall is limited to " + describe() + "; the device's "
                + (d.lotNumber() != null ? "lot '" + d.lotNumber() + "'" : "serial number '" + d.serialNumber() + "'")
                + " is not among them";
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        if (!lots.isEmpty()) {
            parts.add("lots " + shortList(lots));
        }
        if (!serials.isEmpty()) {
            parts.add("serial numbers " + shortList(serials));
        }
        return String.join(" and ", parts);
    }

    private static String shortList(List<String> values) {
        return values.size() <= 5 ? String.join(", ", values)
                : String.join(", ", values.subList(0, 5)) + " and " + (values.size() - 5) + " more";
    }

    static boolean listed(String value, List<String> entries) {
        String v = norm(value);
        for (String entry : entries) {
            String e = norm(entry);
            if (e.endsWith("*") ? v.startsWith(e.substring(0, e.length() - 1)) : e.contains("..") ? inRange(v, e)
                    : v.equals(e) || stripZeros(v).equals(stripZeros(e))) {
                return true;
            }
        }
        return false;
    }

    /** "1000..1999" and "AP0447..AP0463": same non-digit prefix, number within the bounds. */
    private static boolean inRange(String v, String range) {
        String[] ends = range.split("\\.\\.", 2);
        String prefix = ends[0].replaceAll("\\d+$", "");
        if (!ends[1].startsWith(prefix) || !v.startsWith(prefix)) {
            return false;
        }
        try {
            long low = Long.parseLong(ends[0].substring(prefix.length()));
            long high = Long.parseLong(ends[1].substring(prefix.length()));
            long n = Long.parseLong(v.substring(prefix.length()));
            return n >= low && n <= high;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String norm(String s) {
        return s.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    }

    private static String stripZeros(String s) {
        return s.chars().allMatch(Character::isDigit) ? s.replaceFirst("^0+(?=.)", "") : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
