package org.vigil.matching.explain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.ProductStatus;
import org.vigil.api.ApiException;
import org.vigil.inventory.DeviceRepository;
import org.vigil.matching.company.Aliases;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.MatchResult;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.evidence.Matcher.PreparedDevice;
import org.vigil.matching.evidence.Matcher.PreparedProduct;
import org.vigil.matching.evidence.ProductEvidence;
import org.vigil.matching.index.CatalogReader;
import org.vigil.version.VersionRange.Verdict;

/** Weighs one device against one advisory, leaf by leaf, with the matcher that made the findings. */
@ApplicationScoped
public class ExplainService {

    private final EntityManager em;
    private final DeviceRepository devices;
    private final CatalogReader reader;
    private final Aliases aliases;

    public ExplainService(EntityManager em, DeviceRepository devices, CatalogReader reader, Aliases aliases) {
        this.em = em;
        this.devices = devices;
        this.reader = reader;
        this.aliases = aliases;
    }

    @Transactional
    public Explanation explain(UUID hospitalId, UUID deviceId, String advisoryId) {
        if (advisoryId == null || advisoryId.isBlank()) {
            throw ApiException.badField("advisoryId", "is required: the advisory to explain (e.g. ICSMA-25-030-01)");
        }
        devices.findOwned(hospitalId, deviceId).orElseThrow(() -> ApiException.notFound("Device " + deviceId));
        if (em.find(Advisory.class, advisoryId) == null) {
            throw ApiException.notFound("Advisory " + advisoryId);
        }
        DeviceFacts d = reader.devices(List.of(deviceId)).get(0);
        Matcher matcher = aliases.matcher();
        PreparedDevice device = matcher.prepare(d);
        List<PreparedProduct> products = reader.products(List.of(advisoryId)).getOrDefault(advisoryId, List.of())
                .stream().map(matcher::prepare).toList();
        Optional<MatchResult> result = matcher.match(device, products).flatMap(m -> m.forDevice(d));
        List<Explanation.Leaf> leaves = new ArrayList<>();
        for (Matcher.Leaf leaf : matcher.weigh(device, products)) {
            leaves.add(leaf(device, leaf));
        }
        List<String> reasons = result.map(MatchResult::reasons).orElseGet(() -> List.of(notAffected(leaves)));
        return new Explanation(deviceId, advisoryId, result.isPresent(),
                result.map(m -> m.confidence().name()).orElse(null), result.map(MatchResult::needsReview).orElse(false),
                reasons, leaves);
    }

    private static Explanation.Leaf leaf(PreparedDevice device, Matcher.Leaf leaf) {
        var p = leaf.product().facts();
        ProductEvidence.Result ev = leaf.evidence();
        List<String> reasons = new ArrayList<>();
        String company = leaf.company();
        if (company == null && !ev.udi()) {
            reasons.add("manufacturer '" + device.facts().manufacturer() + "' is not vendor '" + p.vendor()
                    + "' (no name variant, alias or brand joins them)");
        } else if (company != null) {
            reasons.add(company);
        }
        reasons.addAll(ev.reasons());
        String version = Matcher.versionReason(device, leaf);
        if (leaf.verdict() != null) {
            reasons.add(version);
        }
        ProductStatus status = p.status() == null ? ProductStatus.AFFECTED : p.status();
        String decision;
        if ((company == null && !ev.udi()) || !ev.found() || leaf.verdict() == Verdict.OUT) {
            decision = "NO_MATCH";
        } else if (status == ProductStatus.FIXED || status == ProductStatus.NOT_AFFECTED) {
            decision = "FIXED";
        } else {
            decision = ev.weak() || leaf.verdict() == Verdict.UNDECIDED || status == ProductStatus.UNDER_INVESTIGATION
                    ? "REVIEW" : "MATCH";
        }
        return new Explanation.Leaf(p.productId(), p.vendor(), p.product(), p.versionText(), status.name(),
                company, new Explanation.Evidence(ev.level().name(), ev.named(), ev.missing(), ev.extras()),
                leaf.verdict() == null ? null : leaf.verdict().name(), decision, reasons);
    }

    private static String notAffected(List<Explanation.Leaf> leaves) {
        if (leaves.isEmpty()) {
            return "the advisory lists no products";
        }
        if (leaves.stream().allMatch(l -> l.company() == null)) {
            return "no product of the advisory is made by the device's manufacturer";
        }
        if (leaves.stream().filter(l -> l.company() != null).noneMatch(l -> l.productEvidence().level()
                .equals("STRONG") || l.productEvidence().level().equals("REVIEW"))) {
            return "the manufacturer agrees, but no product of the advisory is the device's model";
        }
        return "the device's version is outside every affected range of its product, or a fixed version applies";
    }
}
