package org.vigil.inventory.importing;

import java.util.Map;
import org.vigil.inventory.DeviceInput;

/**
 * One input row with the line it came from (1-based, the header being line 1 in CSV; the line where a JSON element
 * starts), its JSON element index (null for CSV), and {@code fieldNames}: API field names → the names the file
 * used, for error messages.
 */
record ImportRow(int line, Integer element, DeviceInput input, Map<String, String> fieldNames) {
}
