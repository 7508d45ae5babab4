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

    public List<IngestRun> recent(String source, int limit) {
        return find("source = ?1 order by startedAt desc, id", source).page(0, limit).list();
    }
}
