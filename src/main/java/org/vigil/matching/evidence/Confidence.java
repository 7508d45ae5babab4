package org.vigil.matching.evidence;

/** How sure a finding is (DESIGN.md). */
public enum Confidence {
    /** Manufacturer and product match and the device version is inside the affected range. */
    CONFIRMED,
    /** Manufacturer and product match; the device version is unknown or the range covers all versions. */
    LIKELY,
    /** Weaker evidence or an unparseable range: needs a person to review. */
    POSSIBLE;

    /** True when this is at least as sure as {@code other}. */
    public boolean atLeast(Confidence other) {
        return ordinal() <= other.ordinal();
    }
}
