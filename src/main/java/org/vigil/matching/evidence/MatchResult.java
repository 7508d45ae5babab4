package org.vigil.matching.evidence;

import java.util.List;
import java.util.Optional;

/**
 * The verdict for one device × one advisory: how sure, whether a person must look, and the evidence. {@code scope}
 * is set when the matched recall is limited to lots or serials: the verdict then still depends on the unit, and
 * {@link #forDevice} gives it.
 */
public record MatchResult(Confidence confidence, boolean needsReview, List<String> reasons, LotScope scope) {

    public MatchResult(Confidence confidence, boolean needsReview, List<String> reasons) {
        this(confidence, needsReview, reasons, null);
    }

    /**
     * This result for one unit of the matched model: itself when the advisory has no lot or serial limit, else
     * narrowed by the device's lot and serial (empty when the unit is not one of those recalled). Call it per
     * device after sharing a result between devices of one signature.
     */
    public Optional<MatchResult> forDevice(DeviceFacts d) {
        return scope == null ? Optional.of(this) : scope.narrow(this, d);
    }
}
