package org.vigil.advisory;

/** Advisory severity. CSAF: from the highest CVSS base score; FDA recall: from the recall class. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN;

    /** CVSS v3 qualitative rating of a base score; null gives UNKNOWN. */
    public static Severity ofCvss(Double score) {
        if (score == null) {
            return UNKNOWN;
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : UNKNOWN;
    }

    /** True when this is at least as severe as {@code other} (UNKNOWN counts as least severe). */
    public boolean atLeast(Severity other) {
        return rank() >= other.rank();
    }

    private int rank() {
        return switch (this) {
            case CRITICAL -> 4;
            case HIGH -> 3;
            case MEDIUM -> 2;
            case LOW -> 1;
            case UNKNOWN -> 0;
        };
    }
}
