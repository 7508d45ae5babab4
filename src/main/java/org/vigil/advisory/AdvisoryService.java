package org.vigil.advisory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.advisory.AdvisoryChanged.Change;
import org.vigil.digest.Sha256;
import org.vigil.version.VersionRange;

/** Stores advisories from every source and records what changed between revisions. */
@ApplicationScoped
public class AdvisoryService {

    private final AdvisoryRepository advisories;
    private final AdvisoryChangeRepository changes;
    private final Event<AdvisoryChanged> changed;

    public AdvisoryService(AdvisoryRepository advisories, AdvisoryChangeRepository changes,
            Event<AdvisoryChanged> changed) {
        this.advisories = advisories;
        this.changes = changes;
        this.changed = changed;
    }

    public enum Outcome {
        NEW, UPDATED, UNCHANGED
    }

    public record UpsertResult(Outcome outcome, List<Change> changes) {
    }

    /**
     * Inserts or updates one advisory in the caller's transaction. A document whose content is unchanged (the
     * same text re-published or re-signed) is UNCHANGED: its provenance is refreshed, nothing else happens.
     * Otherwise the changes are recorded and {@link AdvisoryChanged} is fired in the same transaction.
     */
    @Transactional
    public UpsertResult upsert(AdvisoryDraft draft) {
        String hash = contentHash(draft);
        Advisory existing = advisories.findById(draft.id());
        Instant now = Instant.now();
        if (existing == null) {
            Advisory a = new Advisory();
            a.id = draft.id();
            a.firstSeen = now;
            a.lastChanged = now;
            a.contentHash = hash;
            AdvisoryMapper.apply(draft, a, AdvisoryService::rangeOf);
            advisories.persist(a);
            List<Change> published = List.of(new Change(ChangeType.PUBLISHED, "revision " + draft.revision()));
            record(a.id, draft.revision(), published, now);
            return new UpsertResult(Outcome.NEW, published);
        }
        if (hash.equals(existing.contentHash)) {
            AdvisoryMapper.applyProvenance(draft.provenance(), existing);
            return new UpsertResult(Outcome.UNCHANGED, List.of());
        }
        List<Change> diff = AdvisoryDiff.between(AdvisoryMapper.toDraft(existing), draft);
        AdvisoryMapper.apply(draft, existing, AdvisoryService::rangeOf);
        existing.contentHash = hash;
        existing.lastChanged = now;
        record(existing.id, draft.revision(), diff, now);
        return new UpsertResult(Outcome.UPDATED, diff);
    }

    /** Records changes and tells matching about them (it acts on material ones only). */
    @Transactional
    public void record(String advisoryId, String revision, List<Change> list, Instant when) {
        for (Change c : list) {
            AdvisoryChange row = new AdvisoryChange();
            row.id = UUID.randomUUID();
            row.advisoryId = advisoryId;
            row.revision = revision;
            row.type = c.type();
            row.detail = c.detail() == null ? null : c.detail().substring(0, Math.min(2000, c.detail().length()));
            row.createdAt = when;
            changes.persist(row);
        }
        if (!list.isEmpty()) {
            advisories.flush();
            changed.fire(new AdvisoryChanged(advisoryId, revision, list));
        }
    }

    static String rangeOf(String versionText) {
        return VersionRange.parse(versionText).canonical();
    }

    static String contentHash(AdvisoryDraft d) {
        AdvisoryDraft content = new AdvisoryDraft(d.id(), d.source(), d.title(), d.summary(), d.url(), d.published(),
                null, d.revision(), d.severity(), d.status(), d.cves(), d.products(), d.remediations(), d.references(),
                d.revisionHistory(), d.details(), null, null);
        return Sha256.hex(Json.write(content));
    }
}
