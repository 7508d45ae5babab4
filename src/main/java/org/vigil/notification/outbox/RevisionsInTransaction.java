package org.vigil.notification.outbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import java.util.HashMap;
import java.util.Map;
import org.vigil.advisory.AdvisoryChanged;

/**
 * Which advisory revisions the current transaction recorded, and whether any of their changes was material.
 * The outbox uses it to refuse a FINDING_CHANGED that an advisory revision caused when that revision changed
 * nothing material (a re-worded title). Changes that a device edit caused (no revision in the transaction)
 * are not affected.
 */
@TransactionScoped
public class RevisionsInTransaction {

    private final Map<String, Boolean> material = new HashMap<>();

    void record(AdvisoryChanged change) {
        boolean any = change.changes().stream().anyMatch(c -> c.type().material());
        material.merge(change.advisoryId() + "|" + change.revision(), any, Boolean::logicalOr);
    }

    /** True when this transaction recorded the revision and none of its changes was material. */
    public boolean nonMaterial(String advisoryId, String revision) {
        return Boolean.FALSE.equals(material.get(advisoryId + "|" + revision));
    }

    /** Notes revisions before matching reacts to them (a lower priority value runs first). */
    @ApplicationScoped
    static class Watcher {

        private final RevisionsInTransaction revisions;

        Watcher(RevisionsInTransaction revisions) {
            this.revisions = revisions;
        }

        void onChanged(@Observes @Priority(1) AdvisoryChanged change) {
            try {
                revisions.record(change);
            } catch (ContextNotActiveException outsideTransaction) {
                // Only transactional writers fire AdvisoryChanged; without one there is no outbox to guard.
            }
        }
    }
}
