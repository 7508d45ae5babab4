package org.vigil.inventory.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What an import did: rows created, updated and rejected, with a reason per rejected line; how the file was read
 * (format, encoding, delimiter, which column fed which field) and notes on choices made. With {@code dryRun} the
 * counts say what would have happened and nothing was written.
 */
public record ImportResult(int created, int updated, int rejected, List<RowError> errors, List<String> ignoredColumns,
        Read read, List<String> notes, boolean dryRun) {

    /** A rejected row: its line (and, in JSON, its element index), and every problem found in it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowError(int line, Integer element, String message) {
        public RowError(int line, String message) {
            this(line, null, message);
        }
    }

    /** How the upload was read: {@code format} csv, json or fhir; encoding and delimiter for text files. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Read(String format, String encoding, String delimiter, Map<String, String> columns) {
    }
}
