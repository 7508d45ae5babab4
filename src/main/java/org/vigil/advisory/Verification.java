package org.vigil.advisory;

/** How far an advisory document's integrity was checked. */
public enum Verification {
    /** Hash and OpenPGP signature both checked against a trusted key. */
    VERIFIED,
    /** Imported without a signature check (allow-unverified policy, or a source that publishes none); the hash, when published, still matched. */
    UNVERIFIED,
    /** Hash or signature failed: not imported as trusted. */
    FAILED
}
