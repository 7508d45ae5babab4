package org.vigil.matching.finding;

/** What happened to a hospital's findings; notification subscriptions filter on these. */
public enum MatchEventType {
    /** A device is newly affected by an advisory. */
    NEW_FINDING,
    /** A material revision of the advisory changed an existing finding (confidence, fix, CVSS, CVEs, ...). */
    FINDING_CHANGED,
    /** A CVE of the finding's advisory was added to CISA's KEV catalogue. */
    KEV_ADDED,
    /** The advisory no longer covers the device (or the device was changed so that it no longer matches). */
    FINDING_RESOLVED
}
