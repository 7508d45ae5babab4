package org.vigil.matching.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.company.AliasRegistry;

/** A recall of some lots or serials: the unit decides, after the model matched. */
class LotScopeTest {

    private final Matcher matcher = new Matcher(AliasRegistry.builtIn());

    private static ProductFacts recall(List<String> lots, List<String> serials) {
        return new ProductFacts("Z-1603-2023", "Z-1603-2023", "Immundiagnostik AG", "IDK Calprotectin ELISA K6870", null,
                ProductStatus.AFFECTED, null, List.of("K6870"), List.of("K6870"), List.of(), lots, serials);
    }

    private Optional<MatchResult> unit(ProductFacts p, String lot, String serial) {
        DeviceFacts d = new DeviceFacts(UUID.randomUUID(), null, "Immundiagnostik", "IDK Calprotectin ELISA K6870",
                null, null, null, null, lot, serial);
        return matcher.match(matcher.prepare(d), List.of(matcher.prepare(p))).flatMap(m -> m.forDevice(d));
    }

    @Test
    void listedLotConfirmsOtherLotIsNotAffectedNoneRecordedIsForReview() {
        ProductFacts p = recall(List.of("220706", "221122"), List.of());
        MatchResult listed = unit(p, "221122", null).orElseThrow();
        assertEquals(Confidence.CONFIRMED, listed.confidence());
        assertTrue(listed.reasons().contains("lot '221122' is among the recalled lots"), listed.reasons()::toString);

        assertTrue(unit(p, "230999", null).isEmpty(), "another lot of the same kit is not recalled");

        MatchResult unknown = unit(p, null, null).orElseThrow();
        assertEquals(Confidence.POSSIBLE, unknown.confidence());
        assertTrue(unknown.needsReview());
        assertTrue(unknown.reasons().contains("the recall is limited to lots 220706, 221122; this device has no lot "
                + "recorded: check its label"), unknown.reasons()::toString);
        // a serial says nothing about a lot-limited recall
        assertEquals(Confidence.POSSIBLE, unit(p, null, "SN1").orElseThrow().confidence());
    }

    @Test
    void serialsPrefixesRangesAndZeros() {
        ProductFacts serials = recall(List.of(), List.of("AP0447", "1000..1999", "0496242"));
        assertEquals(Confidence.CONFIRMED, unit(serials, null, "ap0447").orElseThrow().confidence());
        assertEquals(Confidence.CONFIRMED, unit(serials, null, "1500").orElseThrow().confidence());
        assertEquals(Confidence.CONFIRMED, unit(serials, null, "496242").orElseThrow().confidence());
        assertTrue(unit(serials, null, "2000").isEmpty());
        ProductFacts prefixes = recall(List.of("15AMLB*"), List.of());
        assertEquals(Confidence.CONFIRMED, unit(prefixes, "15AMLB0042", null).orElseThrow().confidence());
        assertTrue(unit(prefixes, "16AMLB0042", null).isEmpty());
    }

    @Test
    void noLimitLeavesTheVerdictAlone() {
        ProductFacts p = recall(List.of(), List.of());
        MatchResult m = unit(p, "ANY", "ANY").orElseThrow();
        assertEquals(null, m.scope());
        assertTrue(m.reasons().stream().noneMatch(r -> r.contains("lot")));
    }
}
