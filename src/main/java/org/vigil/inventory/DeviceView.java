package org.vigil.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vigil.advisory.Json;
import org.vigil.inventory.enrichment.GudidEvidence;
import java.util.UUID;

/** A device as the API shows it; {@code gudid} is null for a device without a DI. */
public record DeviceView(UUID id, String assetId, String manufacturer, String model, String version, String udiDi,
        String udi, String serialNumber, String lotNumber, LocalDate expirationDate, LocalDate manufacturingDate,
        String productCode, String catalogNumber, int quantity, String location, String department,
        GudidEvidence gudid, Instant createdAt, Instant updatedAt) {

    public static DeviceView of(Device d) {
        return of(d, null);
    }

    /** {@code gudidSummary}: the cached GUDID record's summary JSON for the device's DI, or null. */
    public static DeviceView of(Device d, String gudidSummary) {
        GudidEvidence gudid = d.gudidStatus == null ? null : new GudidEvidence(d.gudidStatus, d.gudidCheckedAt,
                d.gudidNextAt, d.gudidError, d.gudidFilled == null ? List.of() : List.of(d.gudidFilled.split(",")),
                gudidSummary == null ? null : Json.readMap(gudidSummary));
        return new DeviceView(d.id, d.assetId, d.manufacturer, d.model, d.version, d.udiDi, d.udi, d.serialNumber,
                d.lotNumber, d.expirationDate, d.manufacturingDate, d.productCode, d.catalogNumber, d.quantity,
                d.location, d.department, gudid, d.createdAt, d.updatedAt);
    }
}
