package org.vigil.ingest.cisa.csaf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.KevService;

/** Stores one verified, converted document: the advisory, its KEV flags and the document's watermark, together. */
@ApplicationScoped
class CsafStore {

    private final AdvisoryService advisories;
    private final KevService kev;
    private final CsafDocumentRepository documents;

    CsafStore(AdvisoryService advisories, KevService kev, CsafDocumentRepository documents) {
        this.advisories = advisories;
        this.kev = kev;
        this.documents = documents;
    }

    @Transactional
    AdvisoryService.Outcome save(String path, Instant listedAt, AdvisoryDraft draft) {
        AdvisoryService.UpsertResult result = advisories.upsert(draft);
        if (result.outcome() != AdvisoryService.Outcome.UNCHANGED) {
            kev.flag(draft.id());
        }
        CsafDocument doc = documents.findById(path);
        boolean fresh = doc == null;
        if (fresh) {
            doc = new CsafDocument();
            doc.path = path;
        }
        doc.advisoryId = draft.id();
        doc.releaseTimestamp = listedAt != null ? listedAt : draft.updated();
        doc.documentHash = draft.provenance() == null ? null : draft.provenance().documentHash();
        doc.fetchedAt = Instant.now();
        if (fresh) {
            documents.persist(doc);
        }
        return result.outcome();
    }
}
