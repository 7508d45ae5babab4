package org.vigil.inventory;

import java.util.Arrays;
import java.util.List;

/** The columns of the device CSV export: the API field names, so that the file imports again as it is. */
final class DeviceCsv {

    static final List<String> HEADER = List.of("id", "assetId", "manufacturer", "model", "version", "udiDi", "udi",
            "serialNumber", "lotNumber", "expirationDate", "manufacturingDate", "productCode", "catalogNumber",
            "quantity", "location", "department", "gudidStatus", "createdAt", "updatedAt");

    private DeviceCsv() {
    }

    static List<Object> row(DeviceView d) {
        return Arrays.asList(d.id(), d.assetId(), d.manufacturer(), d.model(), d.version(), d.udiDi(), d.udi(),
                d.serialNumber(), d.lotNumber(), d.expirationDate(), d.manufacturingDate(), d.productCode(),
                d.catalogNumber(), d.quantity(), d.location(), d.department(),
                d.gudid() == null ? null : d.gudid().status(), d.createdAt(), d.updatedAt());
    }
}
