package org.vigil.ingest.cisa.csaf;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a CSAF document's text as JSON: strictly (RFC 8259), and when that fails, once more allowing trailing
 * commas and nothing else. CISA publishes such documents (2026/icsma-26-216-01.json has {@code "…",\n ]} with a
 * matching SHA-512): the hash and signature are checked over the original bytes first, so the lenient read repairs
 * nothing but the comma, and the reason is kept for the provenance. Any other JSON error refuses the document.
 */
final class CsafJson {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final JsonMapper TRAILING_COMMAS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    /** The document tree; {@code notWellFormed} says why it is not strict JSON, null when it is. */
    record Parsed(JsonNode root, String notWellFormed) {
    }

    private CsafJson() {
    }

    static Parsed read(String raw) throws CsafFormatException {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        try {
            return new Parsed(object(STRICT.readTree(text)), null);
        } catch (JsonProcessingException strict) {
            try {
                JsonNode root = object(TRAILING_COMMAS.readTree(text));
                return new Parsed(root, "not strict JSON: a trailing comma before " + where(strict.getLocation())
                        + "; read with trailing commas allowed, nothing else repaired");
            } catch (JsonProcessingException lenient) {
                throw new CsafFormatException("invalid JSON at " + where(strict.getLocation()) + ": "
                        + strict.getOriginalMessage());
            }
        }
    }

    private static JsonNode object(JsonNode root) throws CsafFormatException {
        if (root == null || !root.isObject()) {
            throw new CsafFormatException("not a CSAF document: the top level is not a JSON object");
        }
        return root;
    }

    private static String where(JsonLocation at) {
        return at == null ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
