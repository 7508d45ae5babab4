package org.vigil.matching.evidence;

import java.util.UUID;

/**
 * What matching reads of a device. {@code lotNumber} and {@code serialNumber} only narrow recalls that list lots or
 * serials (see {@code LotScope}); they are not part of the signature.
 */
public record DeviceFacts(UUID id, UUID hospitalId, String manufacturer, String model, String version, String udiDi,
        String productCode, String catalogNumber, String lotNumber, String serialNumber) {

    /** A device without lot or serial number. */
    public DeviceFacts(UUID id, UUID hospitalId, String manufacturer, String model, String version, String udiDi,
            String productCode, String catalogNumber) {
        this(id, hospitalId, manufacturer, model, version, udiDi, productCode, catalogNumber, null, null);
    }

    /**
     * Devices with equal signatures match the same advisories: the full re-match evaluates each once. Lot and serial
     * stay out: most units carry a serial, and keying on it would evaluate every unit alone.
     */
    public String signature() {
        return manufacturer + '\u0001' + model + '\u0001' + version + '\u0001' + udiDi + '\u0001' + productCode
                + '\u0001' + catalogNumber;
    }
}
