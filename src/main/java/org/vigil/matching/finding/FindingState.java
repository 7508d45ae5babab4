package org.vigil.matching.finding;

/**
 * Triage state of a finding (docs/matching.md, Findings and triage). A person moves a finding between them with
 * PATCH; Vigil itself only resolves a finding that no longer applies and reopens one it resolved.
 */
public enum FindingState {
    /** New or affected again: nobody has looked yet. Every finding starts here. */
    OPEN,
    /** Someone has seen it and is working on it (assessment, ticket). */
    ACKNOWLEDGED,
    /** Still affected, but the risk is contained (network isolation, configuration), e.g. until a fix is applied. */
    MITIGATED,
    /** No longer affected: fixed (patched, replaced) by the hospital, or set by Vigil when an advisory revision or a
     * device change means the device no longer matches ({@code resolution} says why). */
    RESOLVED,
    /** The device is this product but not vulnerable (other configuration, feature not used): needs a justification. */
    NOT_AFFECTED,
    /** The match is wrong (another product, another company): needs a justification. */
    FALSE_POSITIVE
}
