package org.vigil.ingest.fda.recall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryRepository;
import org.vigil.advisory.AdvisoryService;
import org.vigil.ingest.Failures;
import org.vigil.ingest.RunContext;

/**
 * Stores openFDA records: each becomes (or revises) the advisory of its recall number, rebuilt from both endpoints'
 * latest records. A record that fails is reported with its reason and the others are kept.
 */
@ApplicationScoped
class RecallStore {

    private final AdvisoryService advisories;
    private final AdvisoryRepository stored;
    private final ObjectMapper json = new ObjectMapper();

    RecallStore(AdvisoryService advisories, AdvisoryRepository stored) {
        this.advisories = advisories;
        this.stored = stored;
    }

    /** What became of one record: stored with an outcome, or failed with a reason. */
    private record Stored(String item, AdvisoryService.Outcome outcome, String failure) {
    }

    /**
     * Stores a chunk in one transaction, with {@code cursor} (may be null). When that transaction fails (a record
     * the database refuses, an error in a downstream observer), the chunk is stored again record by record, so
     * only the record at fault fails and the source does not fail on the same page forever.
     */
    void chunk(RunContext context, Endpoint endpoint, List<JsonNode> records, Object cursor) {
        List<Stored> done = new ArrayList<>();
        try {
            context.commit(() -> {
                done.clear();
                records.forEach(r -> done.add(store(endpoint, r)));
            }, cursor);
            done.forEach(s -> tally(context, s));
        } catch (RunContext.LeaseLostException e) {
            throw e;
        } catch (RuntimeException chunkFailed) {
            for (int i = 0; i < records.size(); i++) {
                one(context, endpoint, records.get(i), i == records.size() - 1 ? cursor : null);
            }
        }
    }

    private void one(RunContext context, Endpoint endpoint, JsonNode record, Object cursor) {
        Stored[] one = new Stored[1];
        try {
            context.commit(() -> one[0] = store(endpoint, record), cursor);
            tally(context, one[0]);
        } catch (RunContext.LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            tally(context, new Stored(item(endpoint, record), null, Failures.reason(e)));
            if (cursor != null) {
                context.saveCursor(cursor);
            }
        }
    }

    /** Converts and upserts one record; a record that cannot be converted is a failure, not an exception. */
    private Stored store(Endpoint endpoint, JsonNode record) {
        AdvisoryDraft draft;
        try {
            draft = merged(RecallRecords.recallNumber(record, endpoint), endpoint, record);
        } catch (RecallRecords.MalformedRecordException | IllegalArgumentException e) {
            return new Stored(item(endpoint, record), null, e.getMessage());
        } catch (RuntimeException e) {
            return new Stored(item(endpoint, record), null, Failures.reason(e));
        }
        return new Stored(item(endpoint, record), advisories.upsert(draft).outcome(), null);
    }

    private static void tally(RunContext context, Stored s) {
        context.seen();
        if (s.failure() != null) {
            context.failed(s.item(), s.failure());
        } else {
            context.counted(s.outcome());
        }
    }

    private static String item(Endpoint endpoint, JsonNode record) {
        try {
            return endpoint.key() + " " + RecallRecords.recallNumber(record, endpoint);
        } catch (RuntimeException e) {
            return endpoint.key() + " record";
        }
    }

    /** The stored counterpart from the other endpoint plus this record, converted together. */
    private AdvisoryDraft merged(String id, Endpoint endpoint, JsonNode record) {
        ObjectNode raw = json.createObjectNode();
        Advisory existing = stored.findById(id);
        if (existing != null && !RecallConverter.SOURCE.equals(existing.source)) {
            throw new IllegalArgumentException("id " + id + " already belongs to source " + existing.source);
        }
        if (existing != null && existing.rawDocument != null) {
            try {
                JsonNode old = json.readTree(existing.rawDocument);
                if (old instanceof ObjectNode o) {
                    raw = o;
                }
            } catch (IOException e) {
                // An unreadable stored raw document is replaced by what we have now.
            }
        }
        raw.set(endpoint.key(), record);
        JsonNode recall = raw.get(Endpoint.RECALL.key());
        JsonNode enforcement = raw.get(Endpoint.ENFORCEMENT.key());
        return RecallConverter.toDraft(recall, enforcement, raw.toString());
    }
}
