package org.vigil.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A device as the API shows it. */
public record DeviceView(UUID id, String assetId, String manufacturer, String model, String version, String udiDi,
        String udi, String serialNumber, String lotNumber, LocalDate expirationDate, LocalDate manufacturingDate,
        String productCode, String catalogNumber, int quantity, String location, String department,
        Instant createdAt, Instant updatedAt) {

    public static DeviceView of(Device d) {
        return new DeviceView(d.id, d.assetId, d.manufacturer, d.model, d.version, d.udiDi, d.udi, d.serialNumber,
                d.lotNumber, d.expirationDate, d.manufacturingDate, d.productCode, d.catalogNumber, d.quantity,
                d.location, d.department, d.createdAt, d.updatedAt);
    }
}
