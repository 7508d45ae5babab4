package org.vigil.inventory.importing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The line where each {@code entry[i]} of a FHIR Bundle starts, for error messages: the FHIR parser keeps none. */
final class FhirLines {

    private static final JsonFactory JSON = new JsonFactory();

    private FhirLines() {
    }

    static List<Integer> entryLines(String text) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("entry") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        lines.add(p.currentTokenLocation().getLineNr());
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // the FHIR parser already accepted the text; without lines, errors name the entry index alone
        }
        return lines;
    }
}
