package org.vigil.matching.generated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.company.ManufacturerNames;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.ProductFacts;

/**
 * Derives device records the way hospitals write them from every affected product leaf of every advisory, each
 * tagged with its transformation class (the classes of the matching issue), plus negatives that must not match.
 * Written from the classes, never from one document: each class is a rule over the leaf's vendor, product name and
 * version text, and a leaf the rule cannot be applied to safely is skipped and counted.
 */
final class InventoryGenerator {

    static final List<String> POSITIVE = List.of("exact", "vendor-legal-form", "brand-alias", "brand-in-name",
            "list-member", "abbreviation", "long-form", "descriptive-dropped", "descriptive-added", "spacing-case",
            "version-prefixed", "version-blank");
    static final List<String> NEGATIVE = List.of("neg-outside-list", "neg-sibling-model", "neg-other-line",
            "neg-version-above", "neg-other-company");
    private static final List<String> ADDED_WORDS = List.of("system", "analyzer", "monitor", "device", "instrument",
            "unit");
    private static final List<String> NUMBER_PREFIXES = List.of("v", "V", "FW ", "Ver. ", "Version ", "SW ");
    private static final List<String> LETTER_PREFIXES = List.of("Rev. ", "Rev ", "FW ");
    private static final int OTHER_LINES_PER_VENDOR = 3;

    /** One advisory as stored: all its products, and the ids a vulnerability lists as known_affected. */
    record Advisory(String id, List<ProductFacts> products, Set<String> knownAffected) {

        List<ProductFacts> leaves() {
            return products.stream().filter(p -> p.status() == ProductStatus.AFFECTED
                    && knownAffected.contains(p.productId())).toList();
        }
    }

    private final AliasRegistry aliases;
    private final List<Advisory> corpus;
    private final CompanyNames companies;
    private final List<String> vendors;
    final List<GeneratedCase> cases = new ArrayList<>();
    final Map<String, Map<String, Integer>> skips = new LinkedHashMap<>();
    private final Set<String> seen = new java.util.HashSet<>();
    int leaves;
    /** Distinct advisory × vendor × product of the leaves: one blank-version device each. */
    final Set<String> leafProducts = new java.util.HashSet<>();

    InventoryGenerator(AliasRegistry aliases, List<Advisory> corpus) {
        this.aliases = aliases;
        this.corpus = corpus;
        this.companies = new CompanyNames(aliases);
        Set<String> v = new java.util.TreeSet<>();
        corpus.forEach(a -> a.products().forEach(p -> {
            if (p.vendor() != null && !p.vendor().isBlank()) {
                v.add(p.vendor().strip());
            }
        }));
        this.vendors = List.copyOf(v);
    }

    InventoryGenerator generate() {
        for (Advisory a : corpus) {
            Facts facts = new Facts(a);
            for (ProductFacts leaf : a.leaves()) {
                leaves++;
                if (namesNothing(leaf)) {
                    skip("(every class)", "product name names nothing: '" + leaf.product() + "'");
                    continue;
                }
                leafProducts.add(a.id() + '\u0001' + leaf.vendor() + '\u0001' + leaf.product());
                leaf(a, facts, leaf);
            }
            otherLines(a, facts);
        }
        return this;
    }

    /** What the negatives check a candidate against: every text of the advisory, leaf or not. */
    private final class Facts {
        final Set<String> words = new java.util.HashSet<>();
        final Set<String> digits = new java.util.HashSet<>();
        final String squashed;
        final List<NameReading> names = new ArrayList<>();

        Facts(Advisory a) {
            StringBuilder all = new StringBuilder();
            for (ProductFacts p : a.products()) {
                for (String t : new String[] {p.vendor(), p.product(), p.versionText()}) {
                    if (t != null) {
                        words.addAll(Words.words(t));
                        digits.addAll(Words.digitRuns(t));
                        all.append(' ').append(t);
                    }
                }
                names.add(new NameReading(p.product() == null ? "" : p.product()));
            }
            squashed = all.toString().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        }

        /** A model name the advisory does not name, list or cover by a range anywhere. */
        boolean absent(String model) {
            String upper = model.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            String prefix = upper.replaceAll("\\d.*", "");
            String number = upper.substring(prefix.length()).replaceAll("\\D.*", "");
            if (number.isEmpty() || squashed.contains(upper)
                    || digits.contains(number.replaceFirst("^0+(?=\\d)", ""))) {
                return false;
            }
            long n = Long.parseLong(number);
            for (NameReading r : names) {
                for (NameReading.Series s : r.series) {
                    for (String m : s.members()) {
                        if (m.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "").equals(upper)) {
                            return false;
                        }
                    }
                    if (s.range() && inRange(s, prefix, n)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean inRange(NameReading.Series s, String prefix, long n) {
            String lo = s.members().get(0).toUpperCase(Locale.ROOT);
            String hi = s.members().get(s.members().size() - 1).toUpperCase(Locale.ROOT);
            String p = lo.replaceAll("\\d.*", "");
            return p.equals(prefix) && n >= Long.parseLong(lo.substring(p.length()))
                    && n <= Long.parseLong(hi.substring(p.length()));
        }
    }

    private static final java.util.regex.Pattern NAME_LINE =
            java.util.regex.Pattern.compile("\\b(\\d+(?:\\.(?:\\d+|[xX]))+)\\b");

    private static String inside(VersionText.Reading reading, String product) {
        java.util.regex.Matcher line = NAME_LINE.matcher(product);
        if (reading.kind() == VersionText.Kind.ANY && line.find()) {
            return line.group(1).replace("x", "0").replace("X", "0");
        }
        return reading.inRange();
    }

    private void leaf(Advisory a, Facts facts, ProductFacts leaf) {
        String vendor = leaf.vendor() == null ? "" : leaf.vendor();
        String product = leaf.product() == null ? "" : leaf.product();
        VersionText.Reading reading = VersionText.read(leaf.versionText());
        String in = inside(reading, product);
        // "IntelliSpace Portal 8.0.x" with "vers:all/*": every version of the release line the name gives.
        NameReading name = new NameReading(product);
        Set<String> company = companyWords(vendor);
        String source = "leaf " + leaf.productId() + " '" + vendor + "' | '" + product + "' | '" + leaf.versionText()
                + "'";
        String seed = a.id() + leaf.productId();

        if (in != null) {
            add("exact", a, vendor, product, in, source, null);
        } else {
            skip("exact", "version not derivable");
        }
        for (String v : LegalForms.variants(vendor)) {
            if (!v.equals(vendor.strip())) {
                add("vendor-legal-form", a, v, product, in, source, null);
            }
        }
        List<String> brands = aliasesOf(vendor).stream().filter(b -> companies.owners.contains(b)
                || Words.squash(" " + String.join(" ", Words.words(product)) + " ")
                        .contains(" " + String.join(" ", Words.words(b)) + " ")).toList();
        if (brands.isEmpty()) {
            skip("brand-alias", "no owner or in-name brand of the vendor in the registry");
        }
        brands.stream().sorted(Comparator.comparingInt(b -> (seed + b).hashCode())).limit(2)
                .forEach(b -> add("brand-alias", a, b, product, in, source, "alias '" + b + "' of '" + vendor + "'"));
        brandInName(a, vendor, product, in, company, source);

        if (name.excludes()) {
            skip("list-member", "name excludes models");
        } else if (name.series.isEmpty()) {
            skip("list-member", "no list or range");
        }
        for (NameReading.Series s : name.excludes() ? List.<NameReading.Series>of() : name.series) {
            for (String m : s.members()) {
                add("list-member", a, vendor, name.withMember(s, m), in, source, "member " + m);
            }
        }
        NameReading.Paren abbr = name.abbreviation();
        if (abbr == null) {
            skip("abbreviation", "no abbreviation");
            skip("long-form", "no abbreviation");
        } else {
            add("abbreviation", a, vendor, name.abbreviated(abbr), in, source, "(" + abbr.inner() + ")");
            add("long-form", a, vendor, name.longForm(abbr), in, source, "without (" + abbr.inner() + ")");
        }
        String dropped = name.withoutDescriptiveWords();
        if (dropped == null || !distinctive(dropped, company)) {
            skip("descriptive-dropped", dropped == null ? "no descriptive word" : "no line name or model left");
        } else {
            add("descriptive-dropped", a, vendor, dropped, in, source, null);
        }
        Set<String> present = Words.wordSet(product);
        String word = ADDED_WORDS.stream().filter(w -> !present.contains(w))
                .sorted(Comparator.comparingInt(w -> (seed + w).hashCode())).findFirst().orElseThrow();
        add("descriptive-added", a, vendor, product + " " + word, in, source, "+ '" + word + "'");
        NameReading.ModelToken token = name.modelToken();
        if (token != null) {
            add("spacing-case", a, vendor, name.replace(token.start(), token.end(), token.spaced()), in, source, null);
            add("spacing-case", a, vendor,
                    name.replace(token.start(), token.end(), token.hyphenated()).toLowerCase(Locale.ROOT), in, source,
                    null);
        }
        add("spacing-case", a, vendor, LegalForms.recased(product), in, source, null);
        if (in == null) {
            skip("version-prefixed", "version not derivable");
        } else {
            List<String> prefixes = Character.isLetter(in.charAt(0)) ? LETTER_PREFIXES : NUMBER_PREFIXES;
            prefixes.stream().sorted(Comparator.comparingInt(p -> (seed + p).hashCode())).limit(2)
                    .forEach(p -> add("version-prefixed", a, vendor, product, p + in, source, null));
        }
        add("version-blank", a, vendor, product, null, source, null);

        outsideList(a, facts, leaf, name, vendor, in, company, source);
        sibling(a, facts, leaf, name, vendor, in, company, source);
        versionAbove(a, leaf, name, vendor, reading, company, source);
        otherCompany(a, product, in, source, seed);
    }

    private void brandInName(Advisory a, String vendor, String product, String in, Set<String> company,
            String source) {
        String[] tokens = product.strip().split("\\s+");
        for (int k = 1; k <= Math.min(3, tokens.length - 1); k++) {
            String brand = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, k));
            if (aliases.sameCompany(brand, vendor) != null) {
                String rest = String.join(" ", java.util.Arrays.copyOfRange(tokens, k, tokens.length))
                        .replaceFirst("^[-:,]\\s*", "");
                if (identifies(rest, company)) {
                    add("brand-in-name", a, brand, rest, in, source, "brand '" + brand + "' of '" + vendor + "'");
                } else {
                    skip("brand-in-name", "nothing but descriptive words after the brand");
                }
                return;
            }
        }
        skip("brand-in-name", "product name does not start with the company or an alias");
    }

    /** A lone descriptive word as the product name ("Philips: Version <= R8.0.3"): a data error, no product. */
    private static boolean namesNothing(ProductFacts leaf) {
        List<String> words = Words.words(leaf.product());
        return words.isEmpty() || words.size() == 1 && Words.descriptive(words.get(0));
    }

    /** True when the model text names something: a model number or a word that is neither descriptive nor company. */
    private static boolean identifies(String model, Set<String> company) {
        return Words.words(model).stream().anyMatch(w -> w.matches(".*\\d.*")
                || !Words.descriptive(w) && !company.contains(w));
    }

    /**
     * True when what is left still names a line: a model number, a coined or abbreviated word (two capitals:
     * "IntelliVue", "KLA", "CPAP"), or at least two capitalized words; "Manager" alone does not.
     */
    private static boolean distinctive(String model, Set<String> company) {
        List<String> own = java.util.Arrays.stream(model.split("[^A-Za-z0-9]+"))
                .filter(w -> !w.isEmpty() && !company.contains(Words.norm(w)) && !Words.descriptive(w)).toList();
        boolean coined = own.stream().anyMatch(w -> w.matches(".*\\d.*") || w.chars().filter(Character::isUpperCase)
                .count() >= 2);
        return coined || own.stream().filter(w -> Character.isUpperCase(w.charAt(0))).count() >= 2;
    }

    private void outsideList(Advisory a, Facts facts, ProductFacts leaf, NameReading name, String vendor, String in,
            Set<String> company, String source) {
        if (name.series.isEmpty() || name.excludes()) {
            skip("neg-outside-list", name.excludes() ? "name excludes models" : "no list or range");
            return;
        }
        if (coveredByFamily(a, leaf, name, company)) {
            skip("neg-outside-list", "a model-less product of the same line is affected");
            return;
        }
        for (NameReading.Series s : name.series) {
            String outside = s.outside().stream().filter(facts::absent).findFirst().orElse(null);
            String model = outside == null ? null : name.onlyMember(s, outside);
            if (model == null) {
                skip("neg-outside-list", outside == null ? "no absent number found"
                        : "other model numbers of the leaf would remain");
                continue;
            }
            add("neg-outside-list", a, vendor, model, in, source,
                    "outside " + (s.range() ? "range " : "list ") + String.join("/", s.members()));
        }
    }

    private void sibling(Advisory a, Facts facts, ProductFacts leaf, NameReading name, String vendor, String in,
            Set<String> company, String source) {
        Set<String> numbers = name.modelNumbers();
        if (!name.series.isEmpty() || name.excludes() || numbers.size() != 1) {
            skip("neg-sibling-model", !name.series.isEmpty() ? "has a list or range"
                    : name.excludes() ? "name excludes models"
                    : numbers.isEmpty() ? "no model number" : "several model numbers");
            return;
        }
        if (coveredByFamily(a, leaf, name, company)) {
            skip("neg-sibling-model", "a model-less product of the same line is affected");
            return;
        }
        String number = numbers.iterator().next();
        String base = name.withoutParens();
        long n = Long.parseLong(number);
        long step = (long) Math.pow(10, Math.max(0, number.length() - 1));
        for (int k = 1; k <= 8; k++) {
            String bumped = Long.toString(n + k * step);
            String model = Pattern.compile("(?<!\\d)0*" + number + "(?!\\d)").matcher(base).replaceAll(bumped);
            String token = modelTokenWith(model, bumped);
            if (token != null && facts.absent(token)) {
                add("neg-sibling-model", a, vendor, model, in, source, number + " → " + bumped);
                return;
            }
        }
        skip("neg-sibling-model", "no absent number found");
    }

    private static String modelTokenWith(String model, String number) {
        for (String tok : model.split("\\s+")) {
            if (Words.digitRuns(tok).contains(number)) {
                String t = tok.replaceAll("[^A-Za-z0-9]", "");
                // "MMT-603" → MMT603, "CT780" stays; a token with other digits keeps only letters + this number.
                String prefix = t.replaceAll("\\d.*", "");
                return prefix + number;
            }
        }
        return null;
    }

    /**
     * Whether another affected product of the advisory names the same line without any model number
     * ("Alaris PC Unit" next to "Alaris 8015 PC unit", "MyCareLink Monitor" with its models in the version): then a
     * sibling model of the line is affected after all, and no negative is derived.
     */
    private boolean coveredByFamily(Advisory a, ProductFacts leaf, NameReading name, Set<String> company) {
        Set<String> line = name.lineWords(company);
        for (ProductFacts other : a.leaves()) {
            if (other == leaf || other.product() == null || other.product().equalsIgnoreCase(leaf.product())) {
                continue;
            }
            NameReading o = new NameReading(other.product());
            if (!o.modelNumbers().isEmpty() || !o.series.isEmpty()) {
                continue;
            }
            Set<String> otherLine = o.lineWords(companyWords(other.vendor()));
            if (otherLine.isEmpty() || otherLine.stream().anyMatch(line::contains)) {
                return true;
            }
        }
        return false;
    }

    private void versionAbove(Advisory a, ProductFacts leaf, NameReading name, String vendor,
            VersionText.Reading reading, Set<String> company, String source) {
        String above = reading.above();
        if (above == null) {
            skip("neg-version-above", "not a plain upper bound or exact list");
            return;
        }
        Set<String> line = name.lineWords(company);
        Set<String> numbers = name.modelNumbers();
        for (ProductFacts other : a.leaves()) {
            NameReading o = new NameReading(other.product() == null ? "" : other.product());
            boolean related = other.product() != null && other.product().equalsIgnoreCase(leaf.product())
                    || o.lineWords(companyWords(other.vendor())).stream().anyMatch(line::contains)
                    || o.modelNumbers().stream().anyMatch(numbers::contains);
            if (!related) {
                continue;
            }
            String upper = VersionText.read(other.versionText()).upper();
            if (upper == null || VersionText.compare(upper, above) >= 0) {
                skip("neg-version-above", "a related product's versions are not bounded below it");
                return;
            }
        }
        add("neg-version-above", a, vendor, leaf.product(), above, source, "above '" + leaf.versionText() + "'");
    }

    private void otherCompany(Advisory a, String product, String in, String source, String seed) {
        Set<String> advisoryVendors = new LinkedHashSet<>();
        a.products().forEach(p -> advisoryVendors.add(p.vendor()));
        Set<String> productWords = Words.wordSet(product);
        List<String> candidates = new ArrayList<>();
        for (String v : vendors) {
            if (v.contains(",") || v.contains(" and ") || advisoryVendors.stream()
                    .anyMatch(x -> x != null && aliases.sameCompany(v, x) != null)) {
                continue;
            }
            boolean shares = ManufacturerNames.keys(v).stream().flatMap(k -> Words.words(k).stream())
                    .anyMatch(productWords::contains);
            if (!shares) {
                candidates.add(v);
            }
        }
        if (candidates.isEmpty()) {
            skip("neg-other-company", "no other company");
            return;
        }
        String other = Words.pick(candidates, seed);
        add("neg-other-company", a, other, product, in, source, "company '" + other + "'");
    }

    /** Products of the same company from other advisories that share no word or model number with this one. */
    private void otherLines(Advisory a, Facts facts) {
        Set<String> advisoryVendors = new LinkedHashSet<>();
        a.leaves().forEach(p -> advisoryVendors.add(p.vendor()));
        for (String vendor : advisoryVendors) {
            if (vendor == null) {
                continue;
            }
            Map<String, String[]> found = new LinkedHashMap<>();
            for (Advisory b : corpus) {
                if (b == a) {
                    continue;
                }
                for (ProductFacts p : b.leaves()) {
                    if (p.product() == null || p.vendor() == null || aliases.sameCompany(p.vendor(), vendor) == null) {
                        continue;
                    }
                    // Only the vendor names are left out: a registry brand ("Alaris", "Welch Allyn") shared with
                    // this advisory makes the product no clear negative.
                    Set<String> company = new java.util.HashSet<>(Words.words(vendor));
                    company.addAll(Words.words(p.vendor()));
                    List<String> own = Words.words(p.product()).stream()
                            .filter(w -> !Words.STOP.contains(w) && !company.contains(w)).toList();
                    boolean disjoint = !own.isEmpty() && own.stream().noneMatch(facts.words::contains)
                            && Words.digitRuns(p.product()).stream().noneMatch(facts.digits::contains);
                    if (disjoint) {
                        found.putIfAbsent(p.product().toLowerCase(Locale.ROOT), new String[] {p.product(),
                            "other line: " + b.id() + " '" + p.vendor() + "' | '" + p.product() + "'"});
                    }
                }
            }
            if (found.isEmpty()) {
                skip("neg-other-line", "no disjoint product of the company elsewhere");
                continue;
            }
            List<String> keys = new ArrayList<>(found.keySet());
            keys.sort(Comparator.comparingInt(k -> (a.id() + k).hashCode()));
            for (String k : keys.subList(0, Math.min(OTHER_LINES_PER_VENDOR, keys.size()))) {
                add("neg-other-line", a, vendor, found.get(k)[0], null, found.get(k)[1], null);
            }
        }
    }

    private List<String> aliasesOf(String vendor) {
        return companies.aliasesOf(vendor);
    }

    private Set<String> companyWords(String vendor) {
        return companies.words(vendor);
    }

    private void add(String cls, Advisory a, String manufacturer, String model, String version, String source,
            String note) {
        DeviceFacts d = GeneratedCase.device(manufacturer, model, version);
        GeneratedCase c = new GeneratedCase(cls, !cls.startsWith("neg-"), a.id(), d, source, note, null);
        if (seen.add(c.key())) {
            cases.add(c);
        }
    }

    private void skip(String cls, String why) {
        skips.computeIfAbsent(cls, k -> new LinkedHashMap<>()).merge(why, 1, Integer::sum);
    }
}
