package org.vigil.inventory.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.inventory.DeviceValidator;

/**
 * The middle step of an import (reader → validator → writer): every row through {@link DeviceValidator}, and
 * each asset id once. Pure: the writer gets only rows that will be written whole.
 */
final class ImportValidator {

    record Validated(List<ImportRow> valid, List<ImportResult.RowError> errors) {
    }

    private ImportValidator() {
    }

    /** {@code namesFromGudid}: see {@link DeviceValidator#validate(org.vigil.inventory.DeviceInput, boolean)}. */
    static Validated validate(ParsedImport parsed, boolean namesFromGudid) {
        List<ImportResult.RowError> errors = new ArrayList<>(parsed.unreadable());
        Map<String, Integer> firstLineOfAsset = new HashMap<>();
        List<ImportRow> valid = new ArrayList<>();
        for (ImportRow row : parsed.rows()) {
            String at = row.element() == null ? "" : "[" + row.element() + "]: ";
            DeviceValidator.Result result = DeviceValidator.validate(row.input(), namesFromGudid);
            if (!result.ok()) {
                errors.add(new ImportResult.RowError(row.line(), row.element(),
                        at + DeviceValidator.describe(result.errors(), row.fieldNames())));
                continue;
            }
            String assetId = result.device().assetId();
            if (assetId != null) {
                Integer first = firstLineOfAsset.putIfAbsent(assetId, row.line());
                if (first != null) {
                    errors.add(new ImportResult.RowError(row.line(), row.element(), at + "duplicate asset id '"
                            + assetId + "' (first given on line " + first + ")"));
                    continue;
                }
            }
            valid.add(new ImportRow(row.line(), row.element(), result.device(), row.fieldNames()));
        }
        errors.sort(java.util.Comparator.comparingInt(ImportResult.RowError::line)
                .thenComparing(e -> e.element() == null ? -1 : e.element()));
        return new Validated(valid, errors);
    }
}
