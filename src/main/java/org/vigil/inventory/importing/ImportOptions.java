package org.vigil.inventory.importing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.api.ApiException;

/**
 * What the client asked of one import: a delimiter instead of sniffing one, a column mapping ({@code ?map=Model
 * Number:model,Serial:serialNumber}), and a dry run that writes nothing.
 */
public record ImportOptions(Character delimiter, Map<String, String> mapping, boolean dryRun) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, Map.of(), false);
    }

    /** From the query parameters; a bad value is a 400 naming the parameter. */
    public static ImportOptions of(String delimiter, String map, boolean dryRun) {
        return new ImportOptions(delimiter(delimiter), map(map), dryRun);
    }

    private static Character delimiter(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "tab", "\\t" -> '\t';
            case "|", "pipe" -> '|';
            default -> throw ApiException.badField("delimiter", "'" + value + "' is not one of , ; tab |");
        };
    }

    /** "Column:field,Column:field"; the last ':' separates, so column names may contain one. */
    static Map<String, String> map(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String pair : value.split(",")) {
            int colon = pair.lastIndexOf(':');
            String column = colon < 0 ? "" : pair.substring(0, colon).strip();
            if (column.isEmpty()) {
                throw ApiException.badField("map", "'" + pair.strip() + "' must be <column>:<field>, e.g. "
                        + "Model Number:model");
            }
            String field = ColumnNames.field(pair.substring(colon + 1));
            if (field == null) {
                throw ApiException.badField("map", "'" + pair.substring(colon + 1).strip() + "' is not a device field; "
                        + "fields: " + String.join(", ", ColumnNames.FIELDS) + " (or ignore)");
            }
            out.put(column, field);
        }
        return out;
    }

    /** Validates a saved mapping the same way: column → field, field one of the device fields or "ignore". */
    static Map<String, String> validated(Map<String, String> mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        if (mapping == null) {
            throw ApiException.badField("mapping", "is required: an object {\"<column>\": \"<field>\"}");
        }
        for (var e : mapping.entrySet()) {
            String field = e.getValue() == null ? "" : ColumnNames.field(e.getValue());
            if (e.getKey() == null || e.getKey().isBlank() || field == null) {
                throw ApiException.badField("mapping." + e.getKey(), "'" + e.getValue() + "' is not a device field; "
                        + "fields: " + String.join(", ", ColumnNames.FIELDS)
                        + " (or ignore)");
            }
            out.put(e.getKey().strip(), field);
        }
        return out;
    }
}
