package org.vigil.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;

/** A source that a test scripts: the documents it "publishes" and whether one of them is broken. */
@ApplicationScoped
public class TestSourceIngestor implements Ingestor {

    private final AdvisoryService advisories;
    volatile List<String> documents = new ArrayList<>();
    volatile String brokenDocument;
    volatile boolean outage;
    volatile java.util.function.IntConsumer beforeCommit = i -> { };

    public TestSourceIngestor(AdvisoryService advisories) {
        this.advisories = advisories;
    }

    /** Scripts the next runs (fields of a client proxy cannot be set from a test, methods can). */
    public void script(List<String> documents, String broken, boolean outage) {
        this.documents = new ArrayList<>(documents);
        this.brokenDocument = broken;
        this.outage = outage;
        this.beforeCommit = i -> { };
    }

    /** Runs {@code hook} with the document's index before each document is committed (e.g. to steal the lease). */
    public void beforeCommit(java.util.function.IntConsumer hook) {
        this.beforeCommit = hook;
    }

    public void publish(String document) {
        documents.add(document);
    }

    @Override
    public String name() {
        return "test-source";
    }

    @Override
    public boolean enabled() {
        return true;
    }

    public record Cursor(int done) {
    }

    @Override
    public void run(RunContext context) {
        if (outage) {
            throw new IllegalStateException("upstream unreachable");
        }
        int done = context.cursor(Cursor.class, () -> new Cursor(0)).done();
        for (int i = done; i < documents.size(); i++) {
            String id = documents.get(i);
            context.seen();
            if (id.equals(brokenDocument)) {
                context.failed(id, "malformed document");
                continue;
            }
            AdvisoryDraft draft = new AdvisoryDraft(id, name(), "Title " + id, "summary", null, Instant.now(),
                    Instant.now(), "1", Severity.HIGH, "final", List.of(),
                    List.of(new AdvisoryDraft.Product("P1", "Scripted Test Vendor", "Scripted Widget 1000", "vers:all/*",
                            ProductStatus.AFFECTED, null, List.of(), List.of(), List.of())),
                    List.of(), List.of(), List.of(), Map.of(),
                    new AdvisoryDraft.Provenance("sha512:00", Verification.UNVERIFIED, "test", null), "{}");
            beforeCommit.accept(i);
            context.commit(() -> context.counted(advisories.upsert(draft).outcome()), new Cursor(i + 1));
        }
    }
}
