package org.vigil.inventory.importing;

import java.util.List;

/**
 * Rows read from an import file, rows that could not even be read as a device, columns ignored, how the file was
 * read and notes for the user.
 */
record ParsedImport(List<ImportRow> rows, List<ImportResult.RowError> unreadable, List<String> ignoredColumns,
        ImportResult.Read read, List<String> notes) {
}
