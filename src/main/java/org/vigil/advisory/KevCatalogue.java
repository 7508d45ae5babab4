package org.vigil.advisory;

import java.util.Collection;
import java.util.Map;

/** The stored KEV catalogue as the advisory side sees it (implemented by the cisa-kev source). */
public interface KevCatalogue {

    /** The KEV entries of those CVEs that are in the catalogue, by CVE id. */
    Map<String, AdvisoryDraft.KevEntry> lookup(Collection<String> cves);
}
