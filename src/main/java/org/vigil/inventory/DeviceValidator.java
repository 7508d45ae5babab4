package org.vigil.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vigil.api.ProblemDetail.FieldError;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiLabel;

/**
 * The one rule set for device input, shared by the JSON API and both import formats: trims, bounds lengths,
 * checks identifiers (UDI, product code) and returns either a normalized input or every problem found (not just
 * the first).
 */
public final class DeviceValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_CODE = 100;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_UDI = 200;
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Z]{3}");

    private DeviceValidator() {
    }

    public record Result(DeviceInput device, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Result validate(DeviceInput in) {
        return validate(in, false);
    }

    /**
     * @param namesFromGudid GUDID enrichment is on: a device given by its DI may leave manufacturer and model blank,
     *     to be filled from its GUDID record
     */
    public static Result validate(DeviceInput in, boolean namesFromGudid) {
        List<FieldError> errors = new ArrayList<>();
        boolean hasDi = (in.udiDi() != null && !in.udiDi().isBlank()) || (in.udi() != null && !in.udi().isBlank());
        boolean required = !(namesFromGudid && hasDi);
        String manufacturer = text(in.manufacturer(), "manufacturer", MAX_NAME, required, errors);
        String model = text(in.model(), "model", MAX_NAME, required, errors);
        String assetId = text(in.assetId(), "assetId", MAX_CODE, false, errors);
        String version = text(in.version(), "version", MAX_CODE, false, errors);
        String catalog = text(in.catalogNumber(), "catalogNumber", MAX_CODE, false, errors);
        String location = text(in.location(), "location", MAX_NAME, false, errors);
        String department = text(in.department(), "department", MAX_NAME, false, errors);

        Identity id = identity(in, errors);
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
        DeviceInput normalized = new DeviceInput(assetId, manufacturer, model, version, id.udiDi, productCode, catalog,
                quantity == null ? 1 : quantity, location, department, id.udi, id.serial, id.lot);
        return new Result(normalized, errors);
    }

    private record Identity(String udi, String udiDi, String serial, String lot) {
    }

    /**
     * The UDI fields agree with each other: the DI is read from {@code udi} when given (and must then equal
     * {@code udiDi}), and a lot or serial in the UDI fills or must equal {@code lotNumber} / {@code serialNumber}.
     * A full UDI in the DI field (a label text pasted into a "UDI-DI" column) is taken as the UDI.
     */
    private static Identity identity(DeviceInput in, List<FieldError> errors) {
        String udi = udiText(in.udi(), errors);
        String diText = text(in.udiDi(), "udiDi", MAX_CODE, false, errors);
        String serial = text(in.serialNumber(), "serialNumber", MAX_CODE, false, errors);
        String lot = text(in.lotNumber(), "lotNumber", MAX_CODE, false, errors);
        Udi read = null;
        if (udi != null) {
            UdiLabel.Reading r = UdiLabel.read(udi);
            if (r.ok()) {
                read = r.udi();
            } else {
                errors.add(new FieldError("udi", r.problem()));
            }
        }
        String di = null;
        if (diText != null) {
            UdiLabel.Reading r = UdiLabel.read(diText);
            if (!r.ok()) {
                errors.add(new FieldError("udiDi", r.problem()));
            } else {
                di = r.udi().di();
                if (udi == null && r.udi().hasProductionIdentifiers()) {
                    udi = diText;
                    read = r.udi();
                }
            }
        }
        if (read != null) {
            if (di != null && !di.equals(read.di())) {
                errors.add(new FieldError("udiDi", "'" + diText + "' is not the device identifier in udi '" + udi
                        + "' (" + read.di() + ")"));
            }
            di = read.di();
            lot = agree(lot, read.lot(), "lotNumber", "lot", errors);
            serial = agree(serial, read.serial(), "serialNumber", "serial", errors);
        }
        return new Identity(udi, di, serial, lot);
    }

    private static String agree(String given, String inUdi, String field, String what, List<FieldError> errors) {
        if (given != null && inUdi != null && !given.equals(inUdi)) {
            errors.add(new FieldError(field, "'" + given + "' differs from the " + what + " '" + inUdi
                    + "' in the UDI"));
        }
        return given != null ? given : inUdi;
    }

    /** The UDI as scanned may hold group separators (ASCII 29); any other control character is refused. */
    private static String udiText(String value, List<FieldError> errors) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_UDI) {
            errors.add(new FieldError("udi", "must be at most " + MAX_UDI + " characters"));
            return null;
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != 0x1d)) {
            errors.add(new FieldError("udi", "must not contain control characters other than the group separator"));
            return null;
        }
        return trimmed;
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
        if (trimmed.indexOf('\uFFFD') >= 0) {
            errors.add(new FieldError(field, "'" + trimmed + "' contains U+FFFD, the mark of a character lost in an "
                    + "earlier conversion of the file; export it again (CSV UTF-8) and import that"));
            return null;
        }
        return trimmed;
    }

    /** "Model Number: is required; udi: …", with the names the client used ({@code names}: field → name). */
    public static String describe(List<FieldError> errors, java.util.Map<String, String> names) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(names.getOrDefault(e.field(), e.field())).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
