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

    private final AliasRegistry aliases;

    public Matcher(AliasRegistry aliases) {
        this.aliases = aliases;
    }

    public AliasRegistry aliases() {
        return aliases;
    }

    /** A device read once for many comparisons. */
    public PreparedDevice prepare(DeviceFacts d) {
        List<String> extra = aliases.relabels(d.manufacturer(), d.model());
        String text = extra.isEmpty() ? d.model() : d.model() + " " + String.join(" ", extra);
        Set<String> companyWords = new HashSet<>(ProductText.tokens(d.manufacturer()));
        List<String> words = ProductText.significant(text, companyWords);
        return new PreparedDevice(d, words, ProductText.runs(words), aliases.heads(d.manufacturer()));
    }

    /** A product row read once for many comparisons. */
    public PreparedProduct prepare(ProductFacts p) {
        Set<String> companyWords = new HashSet<>(ProductText.tokens(p.vendor()));
        VersionRange range = p.versionText() == null || p.versionText().isBlank() ? null
                : VersionRange.parse(p.versionText());
        List<String> name = ProductText.significant(p.product(), companyWords);
        // The version slot may hold a model ("CoaguChek XS Pro") or a version and a model ("v8.x model 35700BAX2"):
        // the model words are product evidence, the version part still limits the versions.
        String slotModel = range == null ? null : range.kind() == Kind.MODEL ? p.versionText() : range.model();
        List<String> slot = slotModel == null ? List.of() : ProductText.significant(slotModel, companyWords);
        List<String> slotValues = range != null && range.kind() == Kind.EXACT && range.model() == null
                ? ProductText.significant(p.versionText(), companyWords) : List.of();
        return new PreparedProduct(p, range, name, slot, slotValues, aliases.heads(p.vendor()));
    }

    public record PreparedDevice(DeviceFacts facts, List<String> words, Set<String> runs, Set<String> heads) {
    }

    public record PreparedProduct(ProductFacts facts, VersionRange range, List<String> name, List<String> slotWords,
            List<String> slotValues, Set<String> heads) {
        String key() {
            return String.join(" ", name);
        }
    }

    private record Candidate(String productKey, Confidence confidence, boolean review, List<String> reasons,
            Verdict verdict, LotScope scope) {
    }

    /** The finding for this device and this advisory's products, or empty when it is not affected. */
    public Optional<MatchResult> match(PreparedDevice d, List<PreparedProduct> products) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> decided = new HashSet<>();
        Map<String, String> fixed = new HashMap<>();
        Map<String, String> vendorReasons = new HashMap<>();
        for (PreparedProduct p : products) {
            ProductEvidence.Result ev = ProductEvidence.of(d, p);
            if (ev == null) {
                continue;
            }
            String vendor = vendorReasons.computeIfAbsent(String.valueOf(p.facts().vendor()),
                    v -> p.facts().vendor() == null ? null : aliases.sameCompany(d.facts().manufacturer(), v));
            if (vendor == null && !ev.udi()) {
                continue;
            }
            boolean noVersionLimit = ev.slotIsModel() && (p.range() == null || p.range().model() == null);
            Verdict verdict = noVersionLimit || p.range() == null ? Verdict.ALL : p.range().test(d.facts().version());
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
