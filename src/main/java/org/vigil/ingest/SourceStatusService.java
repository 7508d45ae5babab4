package org.vigil.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;

/** Reads run records for the status API. */
@ApplicationScoped
public class SourceStatusService {

    private final IngestService ingest;
    private final IngestRunRepository runs;
    private final SourceLeases leases;

    public SourceStatusService(IngestService ingest, IngestRunRepository runs, SourceLeases leases) {
        this.ingest = ingest;
        this.runs = runs;
        this.leases = leases;
    }

    @Transactional
    public List<SourceResource.SourceStatus> all() {
        List<SourceResource.SourceStatus> result = new ArrayList<>();
        for (String name : ingest.sourceNames()) {
            Ingestor ingestor = ingest.ingestor(name);
            RunView last = runs.latest(name).map(RunView::of).orElse(null);
            SourceState state = leases.state(name);
            String lastError = null;
            if (last != null) {
                lastError = last.message() != null ? last.message()
                        : last.errors().isEmpty() ? null
                        : last.errors().get(0).item() + ": " + last.errors().get(0).reason();
            }
            result.add(new SourceResource.SourceStatus(name, ingestor.enabled(),
                    last == null ? "NEVER_RUN" : last.status(), last, state.lastSuccessAt,
                    last == null ? null : last.counts(), lastError));
        }
        return result;
    }

    @Transactional
    public List<RunView> recentRuns(String name) {
        return runs.recent(name, 50).stream().map(RunView::of).toList();
    }

    /** One page of a source's runs, newest first. */
    @Transactional
    public Page<RunView> runs(String name, PageRequest page) {
        var query = runs.find("source = ?1 order by startedAt desc, id", name);
        return page.of(query.page(page.page(), page.size()).list().stream().map(RunView::of).toList(), query.count());
    }
}
