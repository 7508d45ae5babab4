package org.vigil.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON array of devices element by element, so that one element with a wrong type is reported with
 * its line and the rest still import.
 */
public final class JsonDeviceReader {

    private JsonDeviceReader() {
    }

    public static ParsedImport read(ObjectMapper mapper, InputStream in) {
        List<ImportRow> rows = new ArrayList<>();
        List<ImportResult.RowError> unreadable = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ImportFormatException(lineOf(parser), "expected a JSON array of devices");
            }
            int item = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                item++;
                int line = lineOf(parser);
                JsonNode node = mapper.readTree(parser);
                if (node == null || !node.isObject()) {
                    unreadable.add(new ImportResult.RowError(line, "item " + item + ": expected a JSON object"));
                    continue;
                }
                try {
                    rows.add(new ImportRow(line, mapper.treeToValue(node, DeviceInput.class), Map.of()));
                } catch (JsonProcessingException e) {
                    unreadable.add(new ImportResult.RowError(line, "item " + item + ": " + describe(e)));
                }
            }
            return new ParsedImport(rows, unreadable, List.of());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new ImportFormatException(line, "malformed JSON at line " + line + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportFormatException(1, "unreadable JSON");
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            return m.getPath().get(m.getPath().size() - 1).getFieldName() + ": invalid value or type";
        }
        return "invalid device";
    }

    private static int lineOf(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
