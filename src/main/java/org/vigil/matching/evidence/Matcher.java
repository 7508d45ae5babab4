package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.advisory.ProductStatus;
import org.vigil.version.VersionRange;
import org.vigil.version.VersionRange.Kind;
import org.vigil.version.VersionRange.Verdict;
import org.vigil.matching.company.AliasRegistry;

/**
 * Decides whether one device is affected by one advisory and says why. Pure: the same inputs give the same
 * finding. A device needs the same company (names, legal forms and aliases allowed for), product evidence
 * ({@link ProductEvidence}) and a version that is not clearly outside the range of that product.
 */
public final class Matcher {

    /**
     * The rules' version: change it with any change of what matches (words, vocabulary, aliases, index terms).
     * A deployment that starts with other rules than its findings were made with re-matches everything once.
     */
    public static final String RULES = "2026-12-01.2";

    private static final java.util.regex.Pattern LEADING_MODEL =
            java.util.regex.Pattern.compile("^\\s*(?:<=?|>=?|=)?\\s*([A-Za-z]{1,3}\\d{1,3})\\s+[A-Za-z]?\\.?\\d");
    private final AliasRegistry aliases;
    private final Families families;

    public Matcher(AliasRegistry aliases) {
        this(aliases, null);
    }

    /** A matcher that weighs product-line words by the catalogue's {@link Families} (null: a new, empty one). */
    public Matcher(AliasRegistry aliases, Families families) {
        this.aliases = aliases;
        this.families = families == null ? new Families(aliases) : families;
    }

    /** Makes these products known to the family statistics; call before preparing them. */
    public void learn(java.util.Collection<ProductFacts> products) {
        families.learn(products);
    }

    public Families families() {
        return families;
    }

    public AliasRegistry aliases() {
        return aliases;
    }

    /** A device read once for many comparisons. */
    public PreparedDevice prepare(DeviceFacts d) {
        List<String> extra = aliases.relabels(d.manufacturer(), d.model());
        String text = extra.isEmpty() ? d.model() : d.model() + " " + String.join(" ", extra);
        Set<String> companyWords = aliases.companyWords(d.manufacturer());
        Set<String> heads = new java.util.LinkedHashSet<>(aliases.heads(d.manufacturer()));
        aliases.brandsIn(d.model()).forEach(r -> heads.addAll(r.heads()));
        return new PreparedDevice(d, Coverage.Side.of(Wording.of(text, companyWords)), Set.copyOf(heads));
    }

    /** A product row read once for many comparisons. */
    public PreparedProduct prepare(ProductFacts p) {
        Set<String> companyWords = aliases.companyWords(p.vendor());
        VersionRange range = p.versionText() == null || p.versionText().isBlank() ? null
                : VersionRange.parse(p.versionText());
        // The version slot may hold a model ("CoaguChek XS Pro") or a version and a model ("v8.x model 35700BAX2"):
        // the model words are product evidence, the version part still limits the versions. An exact version list
        // whose values are model numbers ("620 | 650 | 650c" under "GE Carestation") names models too.
        String slotModel = range == null ? null : range.kind() == Kind.MODEL ? p.versionText() : range.model();
        String text = p.product() == null ? "" : p.product();
        // "<= S4 A.07.107": a short model code written before the version names the model (SureSigns VS4).
        java.util.regex.Matcher lead = p.versionText() == null ? null : LEADING_MODEL.matcher(p.versionText());
        if (slotModel == null && lead != null && lead.find()) {
            slotModel = lead.group(1);
        }
        boolean slotIsModel = slotModel != null && !slotModel.isBlank();
        if (slotIsModel) {
            text = text + " ; " + slotModel;
        }
        Wording name = Wording.of(text, companyWords);
        Set<String> heads = new java.util.LinkedHashSet<>(aliases.heads(p.vendor()));
        aliases.brandsIn(p.product()).forEach(r -> heads.addAll(r.heads()));
        Set<String> family = new HashSet<>();
        for (Wording.Word w : name.words) {
            if (w.role() == Wording.Role.LINE && !name.designators.contains(w.text())
                    && families.family(p.vendor(), w.stem())) {
                family.add(w.stem());
            }
        }
        List<String> slotValues = new ArrayList<>();
        if (!slotIsModel && range != null && range.kind() == Kind.EXACT) {
            Wording.of(p.versionText(), Set.of()).codes().forEach(w -> slotValues.add(w.text()));
        }
        return new PreparedProduct(p, range, Coverage.Side.of(name), slotIsModel, Set.copyOf(heads), Set.copyOf(family),
                List.copyOf(slotValues), Coverage.Side.of(context(p, name, companyWords)));
    }

    public record PreparedDevice(DeviceFacts facts, Coverage.Side side, Set<String> heads) {
        /**
         * The device's words as index material: folded texts without generic words, its abbreviations, and every
         * pair of adjacent words joined, generic ones included ("web" + "viewer" = "webviewer").
         */
        public List<String> words() {
            return indexWords(side);
        }

        /**
         * The first letters of words the device writes in capitals that may abbreviate a product name ("ISCV" for
         * IntelliSpace Cardiovascular): such a device is a candidate for the company's products with a word of that
         * initial.
         */
        public Set<String> abbreviationInitials() {
            Set<String> out = new java.util.LinkedHashSet<>();
            for (Wording.Word w : side.wording().words) {
                if (w.role() == Wording.Role.LINE && w.text().length() >= 3 && w.text().length() <= 6
                        && side.wording().capitals.contains(w.text())) {
                    out.add(w.text().substring(0, 1));
                }
            }
            return out;
        }

        /** Model numbers and their designators ("mx450", "mx"). */
        public List<String> codes() {
            List<String> out = new ArrayList<>();
            side.wording().codes().forEach(w -> out.add(w.text()));
            out.addAll(side.designators());
            return out;
        }
    }

    public record PreparedProduct(ProductFacts facts, VersionRange range, Coverage.Side side, boolean slotIsModel,
            Set<String> heads, Set<String> familyStems, List<String> slotValues, Coverage.Side context) {
        String key() {
            return String.valueOf(facts.product()).toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * The product's words as index material: as a device's, with the designators of its model ranges and the
         * words its full name adds.
         */
        public List<String> words() {
            List<String> out = indexWords(side);
            side.wording().ranges.forEach(r -> out.add(r.prefix()));
            out.addAll(indexWords(context));
            return out;
        }

        /** True when nothing distinctive is left of the name: any device of the company is a candidate. */
        public boolean generic() {
            return side.wording().words.stream().noneMatch(w -> w.role() != Wording.Role.GENERIC);
        }

        /** The first letters of the product's descriptive and line words: what an abbreviation can start with. */
        public Set<String> initials() {
            Set<String> out = new java.util.LinkedHashSet<>();
            for (Wording.Word w : side.wording().words) {
                if (w.role() == Wording.Role.LINE || w.role() == Wording.Role.KIND) {
                    out.add(w.text().substring(0, 1));
                }
            }
            return out;
        }

        /** True when the name writes a model range ("MX400-550"). */
        public boolean ranged() {
            return !side.wording().ranges.isEmpty();
        }

        /** Release lines written in the product name ("IntelliSpace Portal 8.0.x"). */
        public List<String> nameVersions() {
            return side.wording().versions;
        }
    }

    private record Candidate(String productKey, Confidence confidence, boolean review, List<String> reasons,
            Verdict verdict, LotScope scope) {
    }

    /**
     * The words the leaf's full product name adds to its product name and version ("Allegro RomPager embedded web
     * server: versions 4.01 through 4.34 included in Capsule DTS" adds "capsule dts"): context, never required.
     */
    private static Wording context(ProductFacts p, Wording name, Set<String> companyWords) {
        if (p.fullName() == null || p.fullName().isBlank()) {
            return Wording.of(null, companyWords);
        }
        Set<String> known = new HashSet<>();
        name.words.forEach(w -> known.add(w.stem()));
        Wording.of(p.versionText(), companyWords).words.forEach(w -> known.add(w.stem()));
        List<String> extra = new ArrayList<>();
        for (Wording.Word w : Wording.of(p.fullName(), companyWords).words) {
            if (!known.contains(w.stem()) && (w.role() == Wording.Role.LINE || w.role() == Wording.Role.CODE)) {
                extra.add(w.text());
            }
        }
        return Wording.of(String.join(" ", extra), companyWords);
    }

    private static List<String> indexWords(Coverage.Side side) {
        List<String> out = new ArrayList<>(side.texts());
        List<Wording.Word> words = side.wording().words;
        for (int i = 0; i < words.size(); i++) {
            Wording.Word w = words.get(i);
            if (w.role() == Wording.Role.ALIAS) {
                out.add(w.text());
            } else if (i + 1 < words.size() && words.get(i + 1).role() != Wording.Role.ALIAS) {
                out.add(w.text() + words.get(i + 1).text());
            }
        }
        return out;
    }

    /** One product leaf weighed against one device: who, what, which version. Null fields: not reached. */
    public record Leaf(PreparedProduct product, String company, ProductEvidence.Result evidence, Verdict verdict) {
    }

    /** Every leaf of an advisory weighed against the device, in document order: the material of explain. */
    public List<Leaf> weigh(PreparedDevice d, List<PreparedProduct> products) {
        List<Leaf> out = new ArrayList<>();
        Map<String, String> vendorReasons = new HashMap<>();
        for (PreparedProduct p : products) {
            String vendor = p.facts().vendor() == null ? null : vendorReasons.computeIfAbsent(
                    p.facts().vendor() + '\u0001' + p.facts().product(), k -> company(d, p));
            ProductEvidence.Result ev = ProductEvidence.of(d, p);
            if (vendor == null && !ev.udi()) {
                out.add(new Leaf(p, null, ev, null));
                continue;
            }
            boolean noVersionLimit = ev.slotIsModel() && (p.range() == null || p.range().model() == null);
            Verdict verdict = noVersionLimit || p.range() == null ? Verdict.ALL : p.range().test(d.facts().version());
            if (otherSystem(p, d.facts())) {
                verdict = Verdict.OUT;
            }
            Verdict line = nameLine(p, d.facts().version());
            if (line == Verdict.OUT || (line == Verdict.IN && verdict == Verdict.ALL)) {
                verdict = line;
            }
            out.add(new Leaf(p, vendor, ev, verdict));
        }
        // A device that names words of one leaf that another leaf lacks ("Vue Motion" next to "Vue PACS") is the
        // better-fitting leaf's product: leaves that leave more of the device's own words unexplained step back.
        int fewest = out.stream().filter(l -> l.company() != null && l.evidence().found())
                .mapToInt(l -> l.evidence().extras().size()).min().orElse(0);
        // When every better-fitting leaf is out by version ("Sigma Spectrum" v6.x next to "Baxter Spectrum" v8.x for
        // a Sigma Spectrum 8.00.01), the other leaf may still be the device under another name: a review, not silence.
        boolean betterAllOut = out.stream().filter(l -> l.company() != null && l.evidence().found()
                && l.evidence().extras().size() == fewest).allMatch(l -> l.verdict() == Verdict.OUT);
        List<Leaf> kept = new ArrayList<>();
        for (Leaf l : out) {
            boolean stepBack = l.company() != null && l.evidence().found() && l.evidence().extras().size() > fewest;
            if (!stepBack) {
                kept.add(l);
                continue;
            }
            String why = "another product of this advisory fits the model better ("
                    + String.join(", ", l.evidence().extras()) + " not in '" + l.product().facts().product() + "')";
            kept.add(betterAllOut
                    ? new Leaf(l.product(), l.company(), new ProductEvidence.Result(ProductEvidence.Level.REVIEW,
                            List.of(l.evidence().reasons().get(0), why + ", but its versions do not include the "
                                    + "device's: review"), false, l.evidence().slotIsModel(), l.evidence().named(),
                            l.evidence().missing(), l.evidence().extras()), l.verdict())
                    : new Leaf(l.product(), l.company(), new ProductEvidence.Result(ProductEvidence.Level.NONE,
                            List.of(why), false, false, l.evidence().named(), l.evidence().missing(),
                            l.evidence().extras()), null));
        }
        return kept;
    }

    /** Why the device's company is the product's vendor: names and aliases, a brand in the model, or in the name. */
    private String company(PreparedDevice d, PreparedProduct p) {
        String vendor = p.facts().vendor();
        String same = aliases.sameCompany(d.facts().manufacturer(), vendor);
        if (same != null) {
            return same;
        }
        if (families.knownVendor(d.facts().manufacturer())) {
            return null;
        }
        String brand = aliases.brandOf(d.facts().model(), vendor);
        if (brand != null) {
            return brand;
        }
        // "CME BodyGuard 323" under BD: the hospital wrote the product's brand, "CME", as the manufacturer.
        String maker = org.vigil.matching.company.ManufacturerNames.key(d.facts().manufacturer());
        String name = org.vigil.matching.company.ManufacturerNames.key(String.valueOf(p.facts().product()));
        if (maker.length() >= 2 && (name.equals(maker) || name.startsWith(maker + " "))) {
            return "manufacturer '" + d.facts().manufacturer().strip() + "' is the brand of product '"
                    + p.facts().product() + "' (vendor '" + vendor.strip() + "')";
        }
        return null;
    }

    private static final java.util.regex.Pattern WINDOWS =
            java.util.regex.Pattern.compile("(?i)\\bwindows\\s*(\\d+|xp|vista|nt)\\b");

    /** "Siemens PET/CT Systems Windows XP-based" against a device noted "(Windows 7)": another product generation. */
    private static boolean otherSystem(PreparedProduct p, DeviceFacts d) {
        List<String> wanted = p.side().wording().conditions;
        if (wanted.isEmpty()) {
            return false;
        }
        java.util.regex.Matcher m = WINDOWS.matcher(d.model() + " " + d.version());
        boolean any = false;
        while (m.find()) {
            any = true;
            if (wanted.contains("windows " + m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return any;
    }

    /** A release line in the product name against the device version: IN, OUT, or ALL when none is written. */
    private static Verdict nameLine(PreparedProduct p, String version) {
        if (p.nameVersions().isEmpty()) {
            return Verdict.ALL;
        }
        if (version == null || version.isBlank()) {
            return Verdict.UNKNOWN;
        }
        boolean out = true;
        for (String v : p.nameVersions()) {
            String line = v.replaceAll("(\\.x)+$", "");
            Verdict t = VersionRange.parse(line + ".x").test(version);
            if (t == Verdict.IN) {
                return Verdict.IN;
            }
            out &= t == Verdict.OUT;
        }
        return out ? Verdict.OUT : Verdict.ALL;
    }

    /** The finding for this device and this advisory's products, or empty when it is not affected. */
    public Optional<MatchResult> match(PreparedDevice d, List<PreparedProduct> products) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> decided = new HashSet<>();
        Map<String, String> fixed = new HashMap<>();
        for (Leaf leaf : weigh(d, products)) {
            PreparedProduct p = leaf.product();
            ProductEvidence.Result ev = leaf.evidence();
            if (leaf.company() == null && !ev.udi() || !ev.found()) {
                continue;
            }
            String vendor = leaf.company();
            Verdict verdict = leaf.verdict();
            boolean noVersionLimit = ev.slotIsModel() && (p.range() == null || p.range().model() == null);
            if (verdict == Verdict.IN || verdict == Verdict.OUT) {
                decided.add(p.key());
            }
            ProductStatus status = p.facts().status() == null ? ProductStatus.AFFECTED : p.facts().status();
            if (status == ProductStatus.FIXED || status == ProductStatus.NOT_AFFECTED) {
                if (verdict == Verdict.IN || verdict == Verdict.ALL) {
                    fixed.put(p.key(), p.facts().versionText());
                }
                continue;
            }
            if (verdict == Verdict.OUT) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (vendor != null) {
                reasons.add(vendor);
            }
            reasons.addAll(ev.reasons());
            reasons.add(versionReason(d, p, verdict, noVersionLimit));
            Confidence c = switch (verdict) {
                case IN -> Confidence.CONFIRMED;
                case ALL, UNKNOWN -> ev.udi() ? Confidence.CONFIRMED : Confidence.LIKELY;
                default -> Confidence.POSSIBLE;
            };
            boolean review = verdict == Verdict.UNDECIDED || ev.weak();
            if (ev.weak()) {
                c = Confidence.POSSIBLE;
            }
            if (status == ProductStatus.UNDER_INVESTIGATION) {
                c = Confidence.POSSIBLE;
                reasons.add("the vendor is still investigating this product");
            }
            candidates.add(new Candidate(p.key(), c, review, reasons, verdict, LotScope.of(p.facts())));
        }
        Candidate best = null;
        LotScope scope = null;
        boolean unscoped = false;
        for (Candidate c : candidates) {
            // A bound of another version line (L81 next to U61) says nothing once a comparable bound decided.
            if (c.verdict() == Verdict.UNDECIDED && decided.contains(c.productKey())) {
                continue;
            }
            if (fixed.containsKey(c.productKey()) && c.verdict() != Verdict.UNKNOWN) {
                continue;
            }
            if (best == null || c.confidence().ordinal() < best.confidence().ordinal()) {
                best = c;
            }
            // A unit is spared only if every product it matches is limited to other lots or serials.
            unscoped |= c.scope() == null;
            scope = c.scope() == null ? scope : scope == null ? c.scope() : scope.union(c.scope());
        }
        if (best == null) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>(best.reasons());
        if (fixed.containsKey(best.productKey())) {
            reasons.add("a fixed or unaffected version exists ('" + fixed.get(best.productKey()) + "'): check the device");
        }
        return Optional.of(new MatchResult(best.confidence(), best.review(), List.copyOf(reasons),
                unscoped ? null : scope));
    }

    /** What the version check of one weighed leaf said, in words (explain). */
    public static String versionReason(PreparedDevice d, Leaf leaf) {
        if (leaf.verdict() == null) {
            return "not checked";
        }
        PreparedProduct p = leaf.product();
        boolean noLimit = leaf.evidence().slotIsModel() && (p.range() == null || p.range().model() == null);
        if (leaf.verdict() == Verdict.OUT) {
            return "version '" + d.facts().version() + "' outside '" + p.facts().versionText() + "'";
        }
        return versionReason(d, p, leaf.verdict(), noLimit);
    }

    private static String versionReason(PreparedDevice d, PreparedProduct p, Verdict verdict, boolean slotIsModel) {
        String text = p.facts().versionText();
        String version = d.facts().version();
        if (slotIsModel) {
            return "model named in the version field ('" + text + "'); no version restriction";
        }
        return switch (verdict) {
            case IN -> "version '" + version + "' within '" + text + "'";
            case ALL -> text == null || text.isBlank() ? "no version restriction given"
                    : "all versions affected ('" + text + "')";
            case UNKNOWN -> text == null ? "version unknown" : "version unknown (affected: '" + text + "')";
            default -> p.range().kind() == Kind.UNPARSEABLE
                    ? "version range '" + text + "' could not be parsed: review"
                    : "version '" + version + "' could not be compared with '" + text + "': review";
        };
    }
}
