package org.vigil.ingest.cisa.kev;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft.KevEntry;
import org.vigil.advisory.KevService;

/** Replaces the stored catalogue with a new download and flags the advisories, in one transaction. */
@ApplicationScoped
class KevStore {

    /** How the stored catalogue changed. */
    record Result(int added, int updated, int removed, int advisoriesFlagged) {
    }

    private final KevRepository repository;
    private final KevService kev;

    KevStore(KevRepository repository, KevService kev) {
        this.repository = repository;
        this.kev = kev;
    }

    /** Entries of the stored catalogue. */
    @Transactional
    long count() {
        return repository.count();
    }

    @Transactional
    Result replace(KevParser.Catalogue catalogue) {
        Map<String, KevRecord> stored = new HashMap<>();
        repository.listAll().forEach(r -> stored.put(r.cveId, r));
        int added = 0;
        int updated = 0;
        for (KevEntry e : catalogue.entries().values()) {
            KevRecord r = stored.remove(e.cve());
            if (r == null) {
                r = new KevRecord();
                r.cveId = e.cve();
                repository.persist(r);
                added++;
            } else if (!KevRepository.entry(r).equals(e)) {
                updated++;
            }
            r.vendorProject = e.vendorProject();
            r.product = e.product();
            r.vulnerabilityName = catalogue.names().get(e.cve());
            r.dateAdded = e.dateAdded();
            r.dueDate = e.dueDate();
            r.knownRansomwareCampaignUse = e.ransomwareUse();
            r.requiredAction = e.requiredAction();
        }
        stored.values().forEach(repository::delete);
        repository.flush();
        int flagged = kev.applyCatalogue(catalogue.entries());
        return new Result(added, updated, stored.size(), flagged);
    }
}
