package org.vigil.ingest.cisa.kev;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft.KevEntry;
import org.vigil.advisory.KevCatalogue;

@ApplicationScoped
public class KevRepository implements PanacheRepositoryBase<KevRecord, String>, KevCatalogue {

    @Override
    public Map<String, KevEntry> lookup(Collection<String> cves) {
        Map<String, KevEntry> out = new HashMap<>();
        List<String> ids = new ArrayList<>(cves);
        for (int i = 0; i < ids.size(); i += 500) {
            list("cveId in ?1", ids.subList(i, Math.min(ids.size(), i + 500))).forEach(r -> out.put(r.cveId, entry(r)));
        }
        return out;
    }

    static KevEntry entry(KevRecord r) {
        return new KevEntry(r.cveId, r.dateAdded, r.dueDate, r.knownRansomwareCampaignUse, r.requiredAction,
                r.vendorProject, r.product);
    }
}
