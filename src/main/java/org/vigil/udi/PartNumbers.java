package org.vigil.udi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model and catalog numbers in free text, from the labels firms put before them in recall notices:
 * "Model/Catalog Number: 409-375", "Model No. 3000", "Model 880505-01 &amp; 880505-11", "Catalog # 444150",
 * "REF 383516", "P/N: K6870", "Product Number/CFN: 186-0208". A number must contain a digit, which keeps words
 * such as "Model Number: see label" out; a list after one label ("A, B &amp; C") yields each number.
 */
public final class PartNumbers {

    private static final String NUMBER = "[A-Za-z0-9][A-Za-z0-9\\-./]*[A-Za-z0-9]|[0-9]";
    private static final String SUFFIX = "(?:\\s*(?:Numbers?|Nos?\\.?|#))?\\s*[:#.]?\\s*";
    private static final Pattern BOTH = Pattern.compile("(?i)\\bModel\\s*/\\s*Cat(?:alog(?:ue)?\\b|\\.)" + SUFFIX);
    private static final Pattern MODEL = Pattern.compile("(?i)\\bModels?\\b(?!\\s*/\\s*Cat)" + SUFFIX);
    private static final Pattern CATALOG = Pattern.compile("(?i)(?:\\bCat(?:alog(?:ue)?s?\\b|\\.)|\\bPart\\b|\\bItem\\b"
            + "|\\bProduct\\s+Number(?:\\s*/\\s*CFN)?|\\bProduct\\s+Code|\\bCFN|\\bP/N)" + SUFFIX
            + "|\\bREF\\b\\s*[:#.]?\\s*|\\bRef\\.?\\s*[:#]?\\s*(?=[A-Za-z0-9-]*\\d)");
    private static final Pattern LIST = Pattern.compile("(" + NUMBER + ")((?:\\s*(?:,|&|\\band\\b)\\s*(?:" + NUMBER
            + "))*)");
    private static final Pattern ITEM = Pattern.compile(NUMBER);

    public record Found(List<String> modelNumbers, List<String> catalogNumbers) {
    }

    private PartNumbers() {
    }

    public static Found extract(String... texts) {
        Set<String> models = new LinkedHashSet<>();
        Set<String> catalogs = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            List<String> both = after(BOTH, text);
            models.addAll(both);
            catalogs.addAll(both);
            models.addAll(after(MODEL, text));
            catalogs.addAll(after(CATALOG, text));
        }
        return new Found(new ArrayList<>(models), new ArrayList<>(catalogs));
    }

    private static List<String> after(Pattern label, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = label.matcher(text);
        while (m.find()) {
            Matcher list = LIST.matcher(text).region(m.end(), text.length());
            if (!list.lookingAt()) {
                continue;
            }
            addNumber(out, list.group(1));
            Matcher items = ITEM.matcher(list.group(2));
            while (items.find()) {
                if (!items.group().equalsIgnoreCase("and")) {
                    addNumber(out, items.group());
                }
            }
        }
        return out;
    }

    private static void addNumber(List<String> out, String n) {
        String s = n.replaceAll("[.]+$", "");
        if (s.chars().anyMatch(Character::isDigit) && !out.contains(s)) {
            out.add(s);
        }
    }
}
