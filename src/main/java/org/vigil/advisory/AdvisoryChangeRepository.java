package org.vigil.advisory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AdvisoryChangeRepository implements PanacheRepositoryBase<AdvisoryChange, UUID> {

    public List<AdvisoryChange> forAdvisory(String advisoryId) {
        return list("advisoryId = ?1 order by createdAt, id", advisoryId);
    }
}
