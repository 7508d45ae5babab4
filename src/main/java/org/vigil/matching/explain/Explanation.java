package org.vigil.matching.explain;

import java.util.List;
import java.util.UUID;

/**
 * The answer of explain: the verdict for the pair (as a finding would carry it) and one entry per product leaf.
 * {@code decision} of a leaf: MATCH, REVIEW (a finding that needs a person), NO_MATCH (with the reason), or FIXED
 * (the leaf is a fixed or unaffected version the device is on).
 */
public record Explanation(UUID deviceId, String advisoryId, boolean matched, String confidence, boolean needsReview,
        List<String> reasons, List<Leaf> products) {

    public record Leaf(String productId, String vendor, String product, String version, String status,
            String company, Evidence productEvidence, String versionVerdict, String decision, List<String> reasons) {
    }

    /** The product evidence: its level and the words behind it. */
    public record Evidence(String level, List<String> named, List<String> missing, List<String> unexplained) {
    }
}
