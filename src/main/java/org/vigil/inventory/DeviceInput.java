package org.vigil.inventory;

/**
 * A device as a client sends it (JSON body, JSON import element or CSV row). {@link DeviceValidator} checks
 * and normalizes it; nothing unvalidated reaches the database.
 */
public record DeviceInput(String assetId, String manufacturer, String model, String version, String udiDi,
        String productCode, String catalogNumber, Integer quantity, String location, String department) {
}
