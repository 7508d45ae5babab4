package org.vigil.ingest.cisa.csaf;

import org.vigil.advisory.AdvisoryDraft;

/**
 * Test access to the package-private {@link CsafConverter} for the generated matching checks
 * ({@code org.vigil.matching.generated}): they read the corpus exactly as the cisa-csaf source does.
 */
public final class CsafDrafts {

    private CsafDrafts() {
    }

    /** The draft the cisa-csaf source makes of this document text (no provenance); an unusable document throws. */
    public static AdvisoryDraft convert(String raw) {
        try {
            return CsafConverter.convert(raw, null);
        } catch (CsafFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
