package org.vigil.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IngestRunRepository implements PanacheRepositoryBase<IngestRun, UUID> {

    public Optional<IngestRun> latest(String source) {
        return find("source = ?1 order by startedAt desc, id", source).firstResultOptional();
    }

    public Optional<IngestRun> latestSuccess(String source) {
        return find("source = ?1 and status in ?2 order by startedAt desc", source,
                List.of(IngestRun.Status.SUCCEEDED, IngestRun.Status.PARTIAL)).firstResultOptional();
    }

    /**
     * Marks runs of {@code source} that cannot be running any more as FAILED: RUNNING ones (the caller holds the
     * source lease, so their instance lost it: it died or stalled), and QUEUED ones older than {@code queuedBefore}.
     */
    public int abandonOthers(String source, UUID current, java.time.Instant queuedBefore) {
        return update("status = ?1, finishedAt = ?2, message = ?3 where source = ?4 and id <> ?5"
                        + " and (status = ?6 or (status = ?7 and startedAt < ?8))",
                IngestRun.Status.FAILED, java.time.Instant.now(),
                "abandoned: the instance running it stopped or lost the database before recording its end",
                source, current, IngestRun.Status.RUNNING, IngestRun.Status.QUEUED, queuedBefore);
    }

    public List<IngestRun> recent(String source, int limit) {
        return find("source = ?1 order by startedAt desc, id", source).page(0, limit).list();
    }
}
