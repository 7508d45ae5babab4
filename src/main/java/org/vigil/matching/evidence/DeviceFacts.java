package org.vigil.matching.evidence;

import java.util.UUID;

/** What matching reads of a device. */
public record DeviceFacts(UUID id, UUID hospitalId, String manufacturer, String model, String version, String udiDi,
        String productCode, String catalogNumber) {

    /** Devices with equal signatures match the same advisories: the full re-match evaluates each once. */
    public String signature() {
        return manufacturer + '\u0001' + model + '\u0001' + version + '\u0001' + udiDi + '\u0001' + productCode
                + '\u0001' + catalogNumber;
    }
}
