package org.vigil.matching.finding;

/** Triage state of a finding. RESOLVED is also set by Vigil when a revision no longer covers the device. */
public enum FindingState {
    OPEN, ACKNOWLEDGED, MITIGATED, RESOLVED, NOT_AFFECTED, FALSE_POSITIVE
}
