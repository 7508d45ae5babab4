package org.vigil.ingest.gudid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What Vigil uses of an AccessGUDID lookup answer ({@code {"gudid":{"device":{...}},"productCodes":[...]}}, XML-derived
 * wrappers such as {@code productCodes.fdaProductCode[]}, nulls for empty). Pure reading, no I/O.
 */
record GudidDevice(String brandName, String versionModelNumber, String catalogNumber, String companyName,
        List<String> productCodes, String description, String recordKey, String versionNumber, String versionDate,
        String recordStatus) {

    static GudidDevice of(JsonNode root) {
        JsonNode d = root.path("gudid").path("device");
        if (d.isMissingNode() || !d.isObject()) {
            throw new IllegalArgumentException("no gudid.device in the answer");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode c : d.path("productCodes").path("fdaProductCode")) {
            String code = text(c, "productCode");
            if (code != null) {
                codes.add(code);
            }
        }
        return new GudidDevice(text(d, "brandName"), text(d, "versionModelNumber"), text(d, "catalogNumber"),
                text(d, "companyName"), codes, text(d, "deviceDescription"), text(d, "publicDeviceRecordKey"),
                text(d, "publicVersionNumber"), text(d, "publicVersionDate"), text(d, "deviceRecordStatus"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
