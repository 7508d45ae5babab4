package org.vigil.inventory;

import java.util.List;

/** Rows read from an import file, rows that could not even be read as a device, and columns ignored. */
public record ParsedImport(List<ImportRow> rows, List<ImportResult.RowError> unreadable, List<String> ignoredColumns) {
}
