package org.vigil.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vigil.api.ProblemDetail.FieldError;
import org.vigil.udi.UdiDi;

/**
 * The one rule set for device input, shared by the JSON API and both import formats: trims, bounds lengths,
 * checks identifiers and returns either a normalized input or every problem found (not just the first).
 */
public final class DeviceValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_CODE = 100;
    public static final int MAX_QUANTITY = 1_000_000;
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Z]{3}");

    private DeviceValidator() {
    }

    public record Result(DeviceInput device, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Result validate(DeviceInput in) {
        List<FieldError> errors = new ArrayList<>();
        String manufacturer = text(in.manufacturer(), "manufacturer", MAX_NAME, true, errors);
        String model = text(in.model(), "model", MAX_NAME, true, errors);
        String assetId = text(in.assetId(), "assetId", MAX_CODE, false, errors);
        String version = text(in.version(), "version", MAX_CODE, false, errors);
        String catalog = text(in.catalogNumber(), "catalogNumber", MAX_CODE, false, errors);
        String location = text(in.location(), "location", MAX_NAME, false, errors);
        String department = text(in.department(), "department", MAX_NAME, false, errors);

        String udi = text(in.udiDi(), "udiDi", MAX_CODE, false, errors);
        if (udi != null) {
            udi = UdiDi.normalize(udi).orElse(null);
            if (udi == null) {
                errors.add(new FieldError("udiDi", "'" + in.udiDi().trim()
                        + "' is neither a GS1 GTIN (8, 12, 13 or 14 digits with a valid check digit) nor a HIBCC DI"));
            }
        }
        String productCode = text(in.productCode(), "productCode", 3, false, errors);
        if (productCode != null) {
            productCode = productCode.toUpperCase(Locale.ROOT);
            if (!PRODUCT_CODE.matcher(productCode).matches()) {
                errors.add(new FieldError("productCode", "must be an FDA product code of three letters, e.g. MHX"));
            }
        }
        Integer quantity = in.quantity();
        if (quantity != null && (quantity < 1 || quantity > MAX_QUANTITY)) {
            errors.add(new FieldError("quantity", "must be between 1 and " + MAX_QUANTITY));
        }
        DeviceInput normalized = new DeviceInput(assetId, manufacturer, model, version, udi, productCode, catalog,
                quantity == null ? 1 : quantity, location, department);
        return new Result(normalized, errors);
    }

    private static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return trimmed;
    }
}
