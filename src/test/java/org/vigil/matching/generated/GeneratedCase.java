package org.vigil.matching.generated;

import java.util.UUID;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.evidence.DeviceFacts;

/**
 * One generated device and what must happen to it against one advisory: a positive must match; a negative must
 * not match at all, or (when {@code tolerated} is set) not above that confidence.
 *
 * @param source the product text the device was derived from, for the failure listing
 * @param note   how it was derived ("member MX500 of MX400-550", "version above '<= 4.1'")
 */
record GeneratedCase(String cls, boolean positive, String advisoryId, DeviceFacts device, String source, String note,
        Confidence tolerated) {

    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-00000000a11e");

    static DeviceFacts device(String manufacturer, String model, String version) {
        return new DeviceFacts(UUID.randomUUID(), HOSPITAL, manufacturer, model, version, null, null, null);
    }

    static DeviceFacts device(String manufacturer, String model, String catalogNumber, String udiDi) {
        return new DeviceFacts(UUID.randomUUID(), HOSPITAL, manufacturer, model, null, udiDi, null, catalogNumber);
    }

    /** Identity for de-duplication: the same device twice in one class against one advisory counts once. */
    String key() {
        DeviceFacts d = device;
        return cls + '\u0001' + advisoryId + '\u0001' + d.manufacturer() + '\u0001' + d.model() + '\u0001'
                + d.version() + '\u0001' + d.catalogNumber() + '\u0001' + d.udiDi();
    }

    String describeDevice() {
        DeviceFacts d = device;
        StringBuilder b = new StringBuilder("'").append(d.manufacturer()).append("' | '").append(d.model()).append("'");
        if (d.version() != null) {
            b.append(" | version '").append(d.version()).append("'");
        }
        if (d.catalogNumber() != null) {
            b.append(" | catalog '").append(d.catalogNumber()).append("'");
        }
        if (d.udiDi() != null) {
            b.append(" | UDI-DI '").append(d.udiDi()).append("'");
        }
        return b.toString();
    }
}
