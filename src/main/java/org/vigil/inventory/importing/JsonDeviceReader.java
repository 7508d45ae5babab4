package org.vigil.inventory.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON import: an array of devices, or {@code {"mapping": {"Serial No": "serialNumber"}, "devices": [...]}}.
 * Keys are API field names or the column names CMMS exports use ({@link ColumnNames}); a key that is neither (and
 * not mapped) refuses the file, naming it. Elements are read one by one, so one element with a wrong type is a
 * rejected row named by its index ({@code [3]}) and line while the rest import.
 */
final class JsonDeviceReader {

    private record Element(int index, int line, JsonNode node) {
    }

    private JsonDeviceReader() {
    }

    static ParsedImport read(ObjectMapper mapper, String text, String encoding, Map<String, String> explicit,
            Map<String, String> saved) {
        List<Element> elements = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>(saved);
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readArray(mapper, parser, elements);
            } else if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("devices") && value == JsonToken.START_ARRAY) {
                        readArray(mapper, parser, elements);
                    } else if (name.equals("mapping") && value == JsonToken.START_OBJECT) {
                        JsonNode m = mapper.readTree(parser);
                        m.fields().forEachRemaining(e -> mapping.put(e.getKey(), field(e.getKey(), e.getValue())));
                    } else {
                        throw new ImportFormatException(lineOf(parser), "unknown field '" + name + "' (or not an "
                                + (name.equals("mapping") ? "object" : "array") + "); a JSON import is an array of "
                                + "devices or an object with 'devices' (array) and 'mapping' (object)");
                    }
                }
            } else {
                throw new ImportFormatException(lineOf(parser), "expected a JSON array of devices");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new ImportFormatException(line, "malformed JSON at line " + line + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportFormatException(1, "unreadable JSON");
        }
        mapping.putAll(explicit);
        return rows(elements, mapping, encoding);
    }

    private static void readArray(ObjectMapper mapper, JsonParser parser, List<Element> out) throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            out.add(new Element(index++, lineOf(parser), mapper.readTree(parser)));
        }
    }

    private static String field(String column, JsonNode value) {
        String field = value.isTextual() ? ColumnNames.field(value.asText()) : value.isNull() ? "" : null;
        if (field == null) {
            throw new ImportFormatException(1, "mapping: '" + column + "' → " + value + " is not a device field; "
                    + "fields: " + String.join(", ", ColumnNames.FIELDS) + " (or \"ignore\")");
        }
        return field;
    }

    private static ParsedImport rows(List<Element> elements, Map<String, String> mapping, String encoding) {
        Map<String, String> mapped = new HashMap<>();
        mapping.forEach((k, v) -> mapped.put(ColumnNames.key(k), v));
        List<ImportRow> rows = new ArrayList<>();
        List<ImportResult.RowError> unreadable = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        for (Element e : elements) {
            if (!e.node().isObject()) {
                unreadable.add(new ImportResult.RowError(e.line(), e.index(), "[" + e.index() + "]: expected a JSON "
                        + "object with the device's fields"));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            List<String> problems = new ArrayList<>();
            var it = e.node().fields();
            while (it.hasNext()) {
                var entry = it.next();
                String key = entry.getKey();
                String field = mapped.containsKey(ColumnNames.key(key)) ? mapped.get(ColumnNames.key(key))
                        : ColumnNames.field(key);
                if (field == null) {
                    throw new ImportFormatException(e.line(), "[" + e.index() + "]: unknown field '" + key
                            + "'; accepted: " + String.join(", ", ColumnNames.FIELDS) + " (or a CMMS column name such "
                            + "as 'Serial Number'); to skip it send {\"mapping\": {\"" + key + "\": \"ignore\"}, "
                            + "\"devices\": [...]}");
                }
                if (field.isEmpty() || values.containsKey(field)) {
                    continue;
                }
                JsonNode v = entry.getValue();
                if (v.isNull()) {
                    continue;
                }
                if (!v.isValueNode() || v.isBoolean() || (field.equals("quantity") && !v.canConvertToInt()
                        && !v.isTextual())) {
                    problems.add(key + ": expected " + (field.equals("quantity") ? "a whole number" : "text")
                            + ", got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                    continue;
                }
                values.put(field, v.asText());
                names.put(field, key);
                used.putIfAbsent(field, key);
            }
            Integer quantity = null;
            String q = values.get("quantity");
            if (q != null && !q.isBlank()) {
                try {
                    quantity = Integer.valueOf(q.strip());
                } catch (NumberFormatException ex) {
                    problems.add(names.get("quantity") + ": '" + q + "' is not a whole number");
                }
            }
            if (!problems.isEmpty()) {
                unreadable.add(new ImportResult.RowError(e.line(), e.index(), "[" + e.index() + "]: "
                        + String.join("; ", problems)));
                continue;
            }
            rows.add(new ImportRow(e.line(), e.index(), new org.vigil.inventory.DeviceInput(values.get("assetId"),
                    values.get("manufacturer"), values.get("model"), values.get("version"), values.get("udiDi"),
                    values.get("productCode"), values.get("catalogNumber"), quantity, values.get("location"),
                    values.get("department"), values.get("udi"), values.get("serialNumber"), values.get("lotNumber")),
                    names));
        }
        return new ParsedImport(rows, unreadable, List.of(), new ImportResult.Read("json", encoding, null, used),
                List.of());
    }

    private static int lineOf(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return location == null ? 1 : location.getLineNr();
    }
}
