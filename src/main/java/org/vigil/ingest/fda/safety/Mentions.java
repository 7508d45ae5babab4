package org.vigil.ingest.fda.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Manufacturer and product names a safety communication mentions. FDA titles name firms after "from" or "by"
 * ("Cybersecurity Vulnerabilities with Certain Patient Monitors from Contec and Epsimed: FDA Safety Communication")
 * or before a verb ("Medtronic Recalls ..."); products are model designations with digits ("CMS8000", "MN-120").
 * Each product is paired with the manufacturer named closest before it.
 */
final class Mentions {

    private static final String NAME = "[A-Z][A-Za-z0-9&.\\-]*(?:\\s+[A-Z][A-Za-z0-9&.\\-]*){0,3}";
    private static final Pattern AFTER_PREPOSITION = Pattern.compile(
            "\\b(?:from|by|manufactured by|made by)\\s+(" + NAME + ")((?:\\s*(?:,|and|or)\\s+" + NAME + ")*)");
    private static final Pattern BEFORE_VERB = Pattern.compile(
            "^(" + NAME + ")\\s+(?:Recalls|Issues|Announces|Expands|Updates|Alerts)\\b");
    private static final Pattern PRODUCT = Pattern.compile("\\b[A-Z][A-Za-z]{0,10}-?\\d{2,}[A-Za-z0-9\\-]*\\b");
    private static final Pattern CVE = Pattern.compile("\\bCVE-\\d{4}-\\d{4,}\\b");
    private static final Set<String> NOT_FIRMS = Set.of("FDA", "The FDA", "Food", "Certain", "Some", "Use", "U.S");

    record Pair(String manufacturer, String product) {
    }

    record Found(List<String> manufacturers, List<String> products, List<Pair> pairs, List<String> cves) {
    }

    private Mentions() {
    }

    static Found in(String title, String description) {
        String text = (title == null ? "" : title) + "\n" + (description == null ? "" : description);
        Set<String> firms = new LinkedHashSet<>();
        for (String part : new String[] {title, description}) {
            if (part == null) {
                continue;
            }
            Matcher v = BEFORE_VERB.matcher(part);
            if (v.find()) {
                addFirm(firms, v.group(1));
            }
            Matcher m = AFTER_PREPOSITION.matcher(part);
            while (m.find()) {
                addFirm(firms, m.group(1));
                for (String more : m.group(2).split("\\s*(?:,|\\band\\b|\\bor\\b)\\s+")) {
                    addFirm(firms, more);
                }
            }
        }
        Set<String> products = new LinkedHashSet<>();
        List<Pair> pairs = new ArrayList<>();
        Matcher p = PRODUCT.matcher(text);
        while (p.find()) {
            String product = p.group().strip();
            if (product.startsWith("CVE") || product.startsWith("COVID") || firms.contains(product) || !products.add(product)) {
                continue;
            }
            String nearest = null;
            int best = -1;
            for (String firm : firms) {
                int at = text.lastIndexOf(firm, p.start());
                if (at > best) {
                    best = at;
                    nearest = firm;
                }
            }
            if (nearest != null) {
                pairs.add(new Pair(nearest, product));
            }
        }
        Set<String> cves = new LinkedHashSet<>();
        Matcher c = CVE.matcher(text);
        while (c.find()) {
            cves.add(c.group());
        }
        return new Found(new ArrayList<>(firms), new ArrayList<>(products), pairs, new ArrayList<>(cves));
    }

    private static void addFirm(Set<String> firms, String raw) {
        String firm = raw == null ? "" : raw.strip().replaceAll("[:.,;]+$", "");
        // "Contec and Epsimed: FDA Safety Communication" must stop at the colon, and "FDA" is never the firm.
        int colon = firm.indexOf(':');
        if (colon >= 0) {
            firm = firm.substring(0, colon).strip();
        }
        firm = firm.replaceAll("\\s+(?:FDA|Safety|Communication|Patient|Devices?)\\b.*$", "");
        if (!firm.isEmpty() && !NOT_FIRMS.contains(firm) && Character.isUpperCase(firm.charAt(0))) {
            firms.add(firm);
        }
    }
}
