package org.vigil.inventory;

/**
 * A device as a client sends it (JSON body, JSON import element, CSV row or FHIR Device). {@link DeviceValidator}
 * checks and normalizes it; nothing unvalidated reaches the database. {@code udi} is the full UDI as scanned;
 * the validator reads the DI and the production identifiers (lot, serial) from it.
 */
public record DeviceInput(String assetId, String manufacturer, String model, String version, String udiDi,
        String productCode, String catalogNumber, Integer quantity, String location, String department, String udi,
        String serialNumber, String lotNumber) {

    /** A device without UDI or production identifiers. */
    public DeviceInput(String assetId, String manufacturer, String model, String version, String udiDi,
            String productCode, String catalogNumber, Integer quantity, String location, String department) {
        this(assetId, manufacturer, model, version, udiDi, productCode, catalogNumber, quantity, location, department,
                null, null, null);
    }
}
