package org.vigil.ingest.fda.recall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.advisory.AdvisoryDraft;

/**
 * Test access to the package-private {@link RecallConverter} for the generated matching checks
 * ({@code org.vigil.matching.generated}): a recall and/or enforcement record becomes the draft the fda-recall source
 * stores.
 */
public final class RecallDrafts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecallDrafts() {
    }

    /** Either record may be null, not both; the raw document is built as {@code RecallStore} builds it. */
    public static AdvisoryDraft draft(JsonNode recall, JsonNode enforcement) {
        ObjectNode raw = JSON.createObjectNode();
        if (recall != null) {
            raw.set(Endpoint.RECALL.key(), recall);
        }
        if (enforcement != null) {
            raw.set(Endpoint.ENFORCEMENT.key(), enforcement);
        }
        return RecallConverter.toDraft(recall, enforcement, raw.toString());
    }
}
