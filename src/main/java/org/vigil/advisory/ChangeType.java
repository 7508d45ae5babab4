package org.vigil.advisory;

/**
 * What changed in an advisory, as far as a hospital could care. Matching and notification act only on
 * {@link #material()} changes: a re-published document with new whitespace or a new generator date is not news.
 */
public enum ChangeType {
    PUBLISHED(true),
    AFFECTED_PRODUCT_ADDED(true),
    AFFECTED_PRODUCT_REMOVED(true),
    FIXED_VERSION_ADDED(true),
    REMEDIATION_ADDED(true),
    CVSS_CHANGED(true),
    CVE_ADDED(true),
    KEV_ADDED(true),
    SEVERITY_CHANGED(true),
    STATUS_CHANGED(true),
    TEXT_CHANGED(false);

    private final boolean material;

    ChangeType(boolean material) {
        this.material = material;
    }

    public boolean material() {
        return material;
    }
}
