package org.vigil.inventory;

import java.util.Map;

/**
 * One input row with the line it came from (1-based, the header being line 1 in CSV; the element's position
 * in a JSON array). {@code fieldNames} maps API field names to the names the file used, for error messages.
 */
public record ImportRow(int line, DeviceInput input, Map<String, String> fieldNames) {
}
