package org.vigil.inventory.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column names real CMMS and asset-management exports use, per device field, most specific first (so that
 * "Software Version" wins over "Version"). Names compare case- and punctuation-insensitively: {@code Asset ID},
 * {@code asset_id}, {@code ASSET-ID} and {@code assetId} are one name.
 */
final class ColumnNames {

    /** Field → normalized names, most specific first. */
    static final Map<String, List<String>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("assetId", List.of("assetid", "assettag", "assetnumber", "assetno", "asset", "equipmentid",
                "equipmentnumber", "equipmentno", "equipment", "tag", "tagnumber", "tagno", "controlnumber",
                "controlno", "inventorynumber"));
        BUILT_IN.put("manufacturer", List.of("manufacturer", "manufacturername", "mfr", "mfg", "make", "vendor",
                "vendorname", "maker"));
        BUILT_IN.put("model", List.of("model", "modelnumber", "modelno", "modelname", "devicemodel"));
        BUILT_IN.put("version", List.of("softwareversion", "firmwareversion", "swversion", "fwversion",
                "softwarerevision", "firmwarerevision", "software", "firmware", "version"));
        BUILT_IN.put("serialNumber", List.of("serialnumber", "serial", "serialno", "sn"));
        BUILT_IN.put("lotNumber", List.of("lotnumber", "lot", "lotno", "batchnumber", "batch", "lotbatch"));
        BUILT_IN.put("udi", List.of("udi", "uniquedeviceidentifier", "udicode", "udilabel"));
        BUILT_IN.put("udiDi", List.of("udidi", "gtin", "deviceidentifier", "di", "primarydi"));
        BUILT_IN.put("productCode", List.of("productcode", "fdaproductcode", "procode"));
        BUILT_IN.put("catalogNumber", List.of("catalognumber", "catalog", "catalogno", "catno", "ref", "refnumber",
                "referencenumber", "partnumber", "partno"));
        BUILT_IN.put("quantity", List.of("quantity", "qty"));
        // Location columns are combined ("Main / 4B"), in this order, rather than one chosen.
        BUILT_IN.put("location", List.of("site", "building", "location", "room"));
        BUILT_IN.put("department", List.of("department", "dept", "departmentname", "costcenter", "costcentre"));
    }

    /** The device fields a column can be mapped to. */
    static final List<String> FIELDS = List.copyOf(BUILT_IN.keySet());

    /** The header names shown when a required column is missing. */
    static final Map<String, String> EXAMPLES = Map.of(
            "manufacturer", "Manufacturer, Manufacturer Name, Make, Vendor",
            "model", "Model, Model Number, Model Name, Device Model");

    private ColumnNames() {
    }

    /** Lowercase letters and digits only. */
    static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The built-in field for a column name and its rank (0 most specific), or empty. */
    static Optional<Map.Entry<String, Integer>> builtIn(String column) {
        String k = key(column);
        for (var e : BUILT_IN.entrySet()) {
            int rank = e.getValue().indexOf(k);
            if (rank >= 0) {
                return Optional.of(Map.entry(e.getKey(), rank));
            }
        }
        return Optional.empty();
    }

    /**
     * A field name as a client writes it in a mapping ({@code serialNumber}, {@code serial_number}, {@code Serial});
     * {@code ignore}, {@code -} or blank mean "skip this column" (empty string); null when not a field.
     */
    static String field(String written) {
        String k = key(written);
        if (k.isEmpty() || k.equals("ignore") || k.equals("skip")) {
            return "";
        }
        for (String f : FIELDS) {
            if (key(f).equals(k)) {
                return f;
            }
        }
        return builtIn(written).map(Map.Entry::getKey).orElse(null);
    }
}
