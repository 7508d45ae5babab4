package org.vigil.inventory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the inventory CSV: a header row naming the columns in any order (case and separators ignored, so
 * {@code asset_id}, {@code Asset ID} and {@code assetId} are the same column), RFC 4180 quoting, CRLF or LF,
 * and an optional UTF-8 byte-order mark as spreadsheet programs write it.
 */
public final class CsvDeviceReader {

    /** Canonical column key (lowercase, letters and digits only) to API field. */
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        COLUMNS.put("assetid", "assetId");
        COLUMNS.put("manufacturer", "manufacturer");
        COLUMNS.put("model", "model");
        COLUMNS.put("version", "version");
        COLUMNS.put("firmwareversion", "version");
        COLUMNS.put("softwareversion", "version");
        COLUMNS.put("udidi", "udiDi");
        COLUMNS.put("udi", "udi");
        COLUMNS.put("serialnumber", "serialNumber");
        COLUMNS.put("serial", "serialNumber");
        COLUMNS.put("lotnumber", "lotNumber");
        COLUMNS.put("lot", "lotNumber");
        COLUMNS.put("productcode", "productCode");
        COLUMNS.put("catalognumber", "catalogNumber");
        COLUMNS.put("quantity", "quantity");
        COLUMNS.put("location", "location");
        COLUMNS.put("department", "department");
    }

    private CsvDeviceReader() {
    }

    public static ParsedImport read(Reader in) {
        Reader reader = skipByteOrderMark(in);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
                .setAllowMissingColumnNames(true).build();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> fieldToColumn = new LinkedHashMap<>();
            Map<String, String> columnToField = new HashMap<>();
            List<String> ignored = new ArrayList<>();
            for (String column : parser.getHeaderNames()) {
                String field = COLUMNS.get(column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
                if (field == null || fieldToColumn.containsKey(field)) {
                    if (!column.isBlank()) {
                        ignored.add(column);
                    }
                    continue;
                }
                fieldToColumn.put(field, column);
                columnToField.put(column, field);
            }
            for (String required : List.of("manufacturer", "model")) {
                if (!fieldToColumn.containsKey(required)) {
                    throw new ImportFormatException(1, "the header row has no '" + required + "' column; expected "
                            + "asset_id, manufacturer, model, version, udi_di, product_code, catalog_number, "
                            + "quantity, location, department");
                }
            }
            List<ImportRow> rows = new ArrayList<>();
            List<ImportResult.RowError> unreadable = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ImportFormatException(line, "unreadable CSV from line " + line
                            + " (an unclosed quote?); nothing was imported");
                }
                Map<String, String> v = new HashMap<>();
                fieldToColumn.forEach((field, column) -> v.put(field, record.isSet(column) ? record.get(column) : null));
                Integer quantity = null;
                String q = v.get("quantity");
                if (q != null && !q.isBlank()) {
                    try {
                        quantity = Integer.valueOf(q.trim());
                    } catch (NumberFormatException e) {
                        unreadable.add(new ImportResult.RowError(line,
                                fieldToColumn.get("quantity") + ": '" + q.trim() + "' is not a whole number"));
                        continue;
                    }
                }
                DeviceInput input = new DeviceInput(v.get("assetId"), v.get("manufacturer"), v.get("model"),
                        v.get("version"), v.get("udiDi"), v.get("productCode"), v.get("catalogNumber"), quantity,
                        v.get("location"), v.get("department"), v.get("udi"), v.get("serialNumber"),
                        v.get("lotNumber"));
                rows.add(new ImportRow(line, input, fieldToColumn));
            }
            return new ParsedImport(rows, unreadable, ignored);
        } catch (IOException e) {
            throw new ImportFormatException(1, "unreadable CSV: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ImportFormatException(1, "unreadable CSV header: " + e.getMessage());
        }
    }

    private static Reader skipByteOrderMark(Reader in) {
        try {
            java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
            int first = pushback.read();
            if (first != -1 && first != '\uFEFF') {
                pushback.unread(first);
            }
            return pushback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
