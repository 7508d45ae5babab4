package org.vigil.inventory;

import java.util.List;

/** What an import did: rows created, updated and rejected, with a reason per rejected line. */
public record ImportResult(int created, int updated, int rejected, List<RowError> errors,
        List<String> ignoredColumns) {

    public record RowError(int line, String message) {
    }
}
