package org.vigil.ingest.cisa.csaf;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class CsafDocumentRepository implements PanacheRepositoryBase<CsafDocument, String> {

    /** Every stored watermark at once: one query per run instead of one per listed document. */
    public Map<String, Instant> watermarks() {
        Map<String, Instant> out = new HashMap<>();
        getEntityManager().createQuery("select d.path, d.releaseTimestamp from CsafDocument d", Object[].class)
                .getResultStream().forEach(r -> out.put((String) r[0], (Instant) r[1]));
        return out;
    }
}
