package org.vigil.notification.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import org.vigil.advisory.ChangeType;

/** Whether a revision of an advisory changed anything material (the catalogue recorded its changes). */
@ApplicationScoped
public class Materiality {

    private static final List<ChangeType> MATERIAL = Arrays.stream(ChangeType.values()).filter(ChangeType::material).toList();

    private final EntityManager em;

    public Materiality(EntityManager em) {
        this.em = em;
    }

    /** True when the revision recorded at least one material change (a whitespace-only re-publish does not). */
    public boolean isMaterial(String advisoryId, String revision) {
        String where = revision == null ? "c.revision is null" : "c.revision = :revision";
        var query = em.createQuery("select count(c) from AdvisoryChange c where c.advisoryId = :id and " + where
                + " and c.type in :material", Long.class)
                .setParameter("id", advisoryId).setParameter("material", MATERIAL);
        if (revision != null) {
            query.setParameter("revision", revision);
        }
        return query.getSingleResult() > 0;
    }
}
