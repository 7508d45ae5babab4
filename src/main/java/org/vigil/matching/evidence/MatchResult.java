package org.vigil.matching.evidence;

import java.util.List;

/** The verdict for one device × one advisory: how sure, whether a person must look, and the evidence. */
public record MatchResult(Confidence confidence, boolean needsReview, List<String> reasons) {
}
