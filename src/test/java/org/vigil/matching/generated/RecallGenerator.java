package org.vigil.matching.generated;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.evidence.DeviceFacts;

/**
 * Derives device records from an openFDA recall the way hospitals record the product: by catalog number (in the
 * catalog field or typed into the model field), by the product name of the description, by UDI-DI, under the firm
 * as written, with its legal form changed, or under the company's owner. A sibling catalog number (one the record
 * does not name) must not match as CONFIRMED or LIKELY. The numbers are read from the record's text by the
 * generator's own patterns, not by the project's extractors it measures.
 */
final class RecallGenerator {

    static final List<String> POSITIVE = List.of("catalog-field", "catalog-as-model", "product-name", "udi-di",
            "udi-di-alone", "firm-legal-form", "firm-alias");
    static final List<String> NEGATIVE = List.of("neg-sibling-catalog");

    private static final String LABEL = "(?:Model/Catalog\\s+(?:Number|No\\.?)|Catalog\\s+(?:Number|No\\.?|#)"
            + "|Cat\\.?\\s*(?:No\\.?|#)|REF|P/N|PN|Part\\s+(?:Number|No\\.?)|Product\\s+Number/CFN|Product\\s+Number"
            + "|CFN|Product\\s+Code|Model\\s+(?:Number|No\\.?)|Model)";
    private static final String NUMBER = "[A-Za-z0-9][A-Za-z0-9.\\-]*";
    private static final Pattern CATALOG = Pattern.compile("(?i)\\b" + LABEL + "\\b\\s*[:#]?\\s*(" + NUMBER + ")");
    private static final Pattern MORE = Pattern.compile("^\\s*(?:&|,|and)\\s*(" + NUMBER + ")");
    private static final Pattern LABEL_AT = Pattern.compile("(?i)\\b" + LABEL + "\\b");
    private static final Pattern GS1 = Pattern.compile("\\(01\\)\\s*(\\d{14})");
    private static final Pattern LABELLED_GTIN = Pattern.compile("(?i)(?:UDI[-\\s]*DI|UDI-Device\\s+Identifier"
            + "(?:\\s*\\([^)]*\\))?|GTIN|UDI)(?:\\s*(?:code|number))?\\s*[:#]?\\s*(\\d{14})(?!\\d)");
    private static final Pattern LABELLED_HIBCC = Pattern.compile("(?i)\\bUDI\\s*[:#]?\\s*(\\+?)([A-Z][A-Z0-9]{7,})"
            + "([-./$+% ]?)");
    private static final Pattern TRADEMARK = Pattern.compile("(?<=[a-z])(?:TM|\u2122|\u00ae)(?![A-Za-z])");

    /** One recall as the project stores it, plus the record fields the devices are derived from. */
    record Recall(String id, String firm, String description, String codeInfo, String moreCodeInfo) {

        String allText() {
            return String.join(" ", nz(description), nz(codeInfo), nz(moreCodeInfo));
        }
    }

    private final CompanyNames companies;
    final List<GeneratedCase> cases = new ArrayList<>();
    final Map<String, Map<String, Integer>> skips = new LinkedHashMap<>();
    private final Set<String> seen = new java.util.HashSet<>();

    RecallGenerator(AliasRegistry aliases) {
        this.companies = new CompanyNames(aliases);
    }

    /** The record's fields: enforcement first, the recall record where the enforcement lacks one. */
    static Recall recall(String id, JsonNode recall, JsonNode enforcement) {
        return new Recall(id, field(enforcement, recall, "recalling_firm"), field(enforcement, recall,
                "product_description"), field(enforcement, recall, "code_info"),
                field(enforcement, null, "more_code_info"));
    }

    private static String field(JsonNode first, JsonNode second, String name) {
        for (JsonNode n : new JsonNode[] {first, second}) {
            if (n != null && n.hasNonNull(name) && !n.get(name).asText().isBlank()) {
                return n.get(name).asText();
            }
        }
        return null;
    }

    RecallGenerator generate(Recall r) {
        String firm = r.firm() == null ? "" : r.firm().strip();
        List<String> catalogs = catalogNumbers(r.allText());
        List<String> udis = udiDis(r.allText());
        String name = productName(r.description());
        String source = r.id() + " firm '" + firm + "' | '" + abbreviate(r.description()) + "' | code_info '"
                + abbreviate(r.codeInfo()) + "'";
        if (catalogs.isEmpty()) {
            skip("catalog-field", "no catalog or model number in the record");
            skip("catalog-as-model", "no catalog or model number in the record");
            skip("neg-sibling-catalog", "no catalog or model number in the record");
        }
        for (String c : catalogs) {
            add("catalog-field", r, device(firm, null, c, null), source, "catalog " + c, null);
            add("catalog-as-model", r, device(firm, c, null, null), source, "catalog " + c, null);
            String sibling = sibling(c, r.allText());
            if (sibling == null) {
                skip("neg-sibling-catalog", "no absent sibling number");
                continue;
            }
            add("neg-sibling-catalog", r, device(firm, null, sibling, null), source, c + " → " + sibling,
                    Confidence.POSSIBLE);
            add("neg-sibling-catalog", r, device(firm, sibling, null, null), source, c + " → " + sibling
                    + " in the model field", Confidence.POSSIBLE);
        }
        if (name == null) {
            skip("product-name", "no product name in the description");
        } else {
            add("product-name", r, device(firm, name, null, null), source, null, null);
            String plain = Words.squash(TRADEMARK.matcher(name).replaceAll(""));
            if (!plain.equals(name)) {
                add("product-name", r, device(firm, plain, null, null), source, "trademark sign dropped", null);
            }
        }
        if (udis.isEmpty()) {
            skip("udi-di", "no UDI-DI in the record");
            skip("udi-di-alone", "no UDI-DI in the record");
        }
        for (String u : udis) {
            add("udi-di", r, device(firm, null, null, u), source, "UDI-DI " + u, null);
            add("udi-di-alone", r, device(null, null, null, u), source, "UDI-DI " + u + ", no manufacturer", null);
        }
        String model = catalogs.isEmpty() ? name : null;
        String catalog = catalogs.isEmpty() ? null : catalogs.get(0);
        if (model == null && catalog == null) {
            skip("firm-legal-form", "nothing to record the device by");
            skip("firm-alias", "nothing to record the device by");
            return this;
        }
        for (String v : LegalForms.variants(firm)) {
            if (!v.equals(firm)) {
                add("firm-legal-form", r, device(v, model, catalog, null), source, null, null);
            }
        }
        List<String> owner = companies.ownersOf(firm);
        if (owner.isEmpty()) {
            skip("firm-alias", "no owner of the firm in the registry");
        }
        for (String o : owner) {
            add("firm-alias", r, device(o, model, catalog, null), source, "'" + o + "' owns '" + firm + "'", null);
        }
        return this;
    }

    /** Catalog and model numbers after their labels, lists joined with '&', ',' or 'and' included. */
    static List<String> catalogNumbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CATALOG.matcher(text);
        while (m.find()) {
            String first = clean(m.group(1));
            if (first != null) {
                out.add(first);
                String rest = text.substring(m.end());
                Matcher more;
                while ((more = MORE.matcher(rest)).find()) {
                    String next = clean(more.group(1));
                    if (next == null) {
                        break;
                    }
                    out.add(next);
                    rest = rest.substring(more.end());
                }
            }
        }
        return List.copyOf(out);
    }

    private static String clean(String token) {
        String t = token.replaceAll("[.\\-]+$", "");
        return t.matches(".*\\d.*") ? t : null;
    }

    /** GS1 DIs after (01) or a UDI label; HIBCC DIs after a UDI label, flag and check character dropped. */
    static List<String> udiDis(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = GS1.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        m = LABELLED_GTIN.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        m = LABELLED_HIBCC.matcher(text);
        while (m.find()) {
            String code = m.group(2).toUpperCase(Locale.ROOT);
            if (code.matches(".*\\d.*") && !code.matches("\\d+")) {
                // Flagged "+M572TPS61X" / "+M572TPS141-": LIC + product + unit of measure, then the check character
                // (any of 0-9 A-Z - . space $ / + %); unflagged "M572TPS3011113011" is the DI as GUDID lists it.
                if (m.group(1).isEmpty()) {
                    out.add(code);
                } else if (!m.group(3).isEmpty() && hibccCheck("+" + code) == m.group(3).charAt(0)) {
                    out.add(code);
                } else if (hibccCheck("+" + code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1)) {
                    out.add(code.substring(0, code.length() - 1));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The HIBC mod-43 check character of a flagged primary code (ANSI/HIBC 2.6). */
    static char hibccCheck(String data) {
        String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
        int sum = 0;
        for (char c : data.toCharArray()) {
            sum += chars.indexOf(c);
        }
        return chars.charAt(sum % 43);
    }

    /** The description's first phrase: up to a catalog label, a run of spaces, " - " or a comma. */
    static String productName(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String d = description.strip();
        int end = d.length();
        Matcher label = LABEL_AT.matcher(d);
        if (label.find() && label.start() > 0) {
            end = label.start();
        }
        for (String stop : new String[] {"   ", "  ", " - ", ", "}) {
            int i = d.indexOf(stop);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        Matcher dash = Pattern.compile("(?<=[A-Za-z])- ").matcher(d);
        if (dash.find() && dash.start() < end) {
            end = dash.start();
        }
        String name = d.substring(0, end).strip().replaceAll("[.,;:]+$", "").strip();
        return name.isEmpty() ? null : name;
    }

    /** The catalog number with its last digit group one higher, the first such not anywhere in the record. */
    static String sibling(String catalog, String recordText) {
        String text = recordText.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        Matcher m = Pattern.compile("(\\d+)(?!.*\\d)").matcher(catalog);
        if (!m.find()) {
            return null;
        }
        String digits = m.group(1);
        for (int k = 1; k <= 8; k++) {
            String bumped = Long.toString(Long.parseLong(digits) + k);
            if (bumped.length() < digits.length()) {
                bumped = "0".repeat(digits.length() - bumped.length()) + bumped;
            }
            String candidate = catalog.substring(0, m.start(1)) + bumped + catalog.substring(m.end(1));
            if (!text.contains(candidate.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""))) {
                return candidate;
            }
        }
        return null;
    }

    /** As the app reads a device: a missing manufacturer or model is '' (CatalogReader), the rest null. */
    private static DeviceFacts device(String manufacturer, String model, String catalog, String udi) {
        return GeneratedCase.device(manufacturer == null ? "" : manufacturer, model == null ? "" : model, catalog, udi);
    }

    private void add(String cls, Recall r, DeviceFacts d, String source, String note, Confidence tolerated) {
        GeneratedCase c = new GeneratedCase(cls, !cls.startsWith("neg-"), r.id(), d, source, note, tolerated);
        if (seen.add(c.key())) {
            cases.add(c);
        }
    }

    private void skip(String cls, String why) {
        skips.computeIfAbsent(cls, k -> new LinkedHashMap<>()).merge(why, 1, Integer::sum);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String t = Words.squash(s);
        return t.length() <= 110 ? t : t.substring(0, 107) + "...";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
