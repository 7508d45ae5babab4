package org.vigil.advisory;

import java.util.List;

/**
 * Fired synchronously inside the transaction that stored an advisory, so that matching (and through it the
 * notification outbox) commits together with the catalogue change or not at all.
 *
 * @param changes the recorded changes of this upsert; {@link ChangeType#PUBLISHED} for a new advisory
 */
public record AdvisoryChanged(String advisoryId, String revision, List<Change> changes) {

    public record Change(ChangeType type, String detail) {
    }

    public boolean material() {
        return changes.stream().anyMatch(c -> c.type().material());
    }
}
