package org.vigil.version;

import org.vigil.version.VersionRange.Verdict;

/**
 * One alternative of a range: an interval whose ends may be open, or a single version or release line (both ends
 * the same bound, inclusive). A version tests against each end; ends of another series make the clause undecided.
 */
record Clause(Bound lower, boolean lowerInclusive, Bound upper, boolean upperInclusive) {

    static Clause exact(Bound b) {
        return new Clause(b, true, b, true);
    }

    static Clause below(Bound b, boolean inclusive) {
        return new Clause(null, false, b, inclusive);
    }

    static Clause from(Bound b, boolean inclusive) {
        return new Clause(b, inclusive, null, false);
    }

    Verdict test(Version v) {
        Integer lo = lower == null ? Integer.valueOf(1) : lower.compare(v);
        Integer hi = upper == null ? Integer.valueOf(-1) : upper.compare(v);
        if (lo == null || hi == null) {
            return Verdict.UNDECIDED;
        }
        boolean above = lo > 0 || (lo == 0 && lowerInclusive);
        boolean below = hi < 0 || (hi == 0 && upperInclusive);
        return above && below ? Verdict.IN : Verdict.OUT;
    }

    boolean isExact() {
        return lower != null && lower == upper;
    }

    String canonical() {
        if (isExact()) {
            return lower.canonical();
        }
        StringBuilder sb = new StringBuilder();
        if (lower != null) {
            sb.append(lowerInclusive ? ">=" : ">").append(lower.canonical());
        }
        if (upper != null) {
            sb.append(sb.length() > 0 ? "," : "").append(upperInclusive ? "<=" : "<").append(upper.canonical());
        }
        return sb.toString();
    }
}
