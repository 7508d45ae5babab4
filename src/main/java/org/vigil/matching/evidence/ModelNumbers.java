package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model numbers and their lists and ranges. "MX400-550" and "MX400-MX850" are ranges of one designator; a device's
 * "MX450" lies inside, "MX700" does not. "CMS 8000", "CMS-8000" and "cms8000" are one number (joined runs).
 */
final class ModelNumbers {

    /** Designator (letters, may be empty), low and high number of a range, and the range as written. */
    record Range(String prefix, long low, long high, String text) {
        boolean contains(String code) {
            Matcher m = CODE.matcher(code);
            if (!m.matches() || !m.group(1).equals(prefix)) {
                return false;
            }
            long n = Long.parseLong(m.group(2));
            return n >= low && n <= high;
        }
    }

    private static final Pattern RANGE = Pattern.compile(
            "\\b([a-z]{1,5})[ -]?(\\d{1,6})\\s*(?:-|\u2013|to|through)\\s*(\\1)?[ -]?(\\d{1,6})\\b");
    private static final Pattern CODE = Pattern.compile("([a-z]*)(\\d{1,12})[a-z]{0,3}");

    private ModelNumbers() {
    }

    static List<Range> ranges(String folded) {
        List<Range> out = new ArrayList<>();
        Matcher m = RANGE.matcher(folded);
        while (m.find()) {
            long lo = Long.parseLong(m.group(2));
            long hi = Long.parseLong(m.group(4));
            // "MX400-550" (same width) or "MP2-MP90" (the designator written twice).
            boolean sure = m.group(3) != null ? m.group(2).length() <= m.group(4).length()
                    : m.group(2).length() == m.group(4).length() && m.group(2).length() >= 2;
            if (lo < hi && sure) {
                out.add(new Range(m.group(1), lo, hi, m.group()));
            }
        }
        return out;
    }

    /** The letters before the first digit of a model number ("mx" of "mx450"), or "" when it starts with one. */
    static String designator(String code) {
        int i = 0;
        while (i < code.length() && !Character.isDigit(code.charAt(i))) {
            i++;
        }
        return code.substring(0, i);
    }
}
