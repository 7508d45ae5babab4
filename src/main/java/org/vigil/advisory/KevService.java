package org.vigil.advisory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.advisory.AdvisoryChanged.Change;
import org.vigil.advisory.AdvisoryDraft.KevEntry;

/**
 * Puts CISA's Known Exploited Vulnerabilities onto the catalogue: sets the KEV facts of each advisory CVE and the
 * advisory's flag, and records {@link ChangeType#KEV_ADDED} (which fires {@link AdvisoryChanged}) for every
 * advisory one of whose CVEs is newly in KEV.
 */
@ApplicationScoped
public class KevService {

    private static final int CHUNK = 500;

    private final AdvisoryRepository advisories;
    private final AdvisoryService service;
    private final KevCatalogue catalogue;

    public KevService(AdvisoryRepository advisories, AdvisoryService service, KevCatalogue catalogue) {
        this.advisories = advisories;
        this.service = service;
        this.catalogue = catalogue;
    }

    /** Flags one advisory from the stored catalogue (after a source stored or revised it). */
    @Transactional
    public List<Change> flag(String advisoryId) {
        Advisory a = advisories.findById(advisoryId);
        if (a == null || a.cves.isEmpty()) {
            return List.of();
        }
        Map<String, KevEntry> entries = catalogue.lookup(a.cves.stream().map(c -> c.cve).toList());
        return apply(a, a.cves, entries);
    }

    /**
     * Applies a whole new catalogue: flags every advisory CVE in it, refreshes changed facts (due dates), and
     * unflags CVEs CISA removed. Returns the number of advisories with a newly added KEV CVE.
     */
    @Transactional
    public int applyCatalogue(Map<String, KevEntry> entries) {
        Map<Advisory, List<AdvisoryCve>> byAdvisory = new LinkedHashMap<>();
        List<String> cves = new ArrayList<>(entries.keySet());
        for (int i = 0; i < cves.size(); i += CHUNK) {
            advisories.getEntityManager().createQuery(
                    "select c from AdvisoryCve c join fetch c.advisory where c.cve in :cves", AdvisoryCve.class)
                    .setParameter("cves", cves.subList(i, Math.min(cves.size(), i + CHUNK)))
                    .getResultStream().forEach(c -> byAdvisory.computeIfAbsent(c.advisory, k -> new ArrayList<>()).add(c));
        }
        advisories.getEntityManager().createQuery(
                "select c from AdvisoryCve c join fetch c.advisory where c.kev = true", AdvisoryCve.class)
                .getResultStream().filter(c -> !entries.containsKey(c.cve))
                .forEach(c -> byAdvisory.computeIfAbsent(c.advisory, k -> new ArrayList<>()).add(c));
        int added = 0;
        for (Map.Entry<Advisory, List<AdvisoryCve>> e : byAdvisory.entrySet()) {
            if (!apply(e.getKey(), e.getValue(), entries).isEmpty()) {
                added++;
            }
        }
        return added;
    }

    private List<Change> apply(Advisory advisory, Collection<AdvisoryCve> cves, Map<String, KevEntry> entries) {
        List<Change> changes = new ArrayList<>();
        for (AdvisoryCve c : cves) {
            KevEntry k = entries.get(c.cve);
            if (k == null) {
                c.kev = false;
                c.kevDateAdded = null;
                c.kevDueDate = null;
                c.kevRansomware = null;
                c.kevRequiredAction = null;
                continue;
            }
            if (!c.kev) {
                changes.add(new Change(ChangeType.KEV_ADDED, c.cve + " added to CISA KEV on " + k.dateAdded()
                        + (k.dueDate() == null ? "" : ", due " + k.dueDate())
                        + ("Known".equalsIgnoreCase(k.ransomwareUse()) ? "; known ransomware use" : "")));
            }
            c.kev = true;
            c.kevDateAdded = k.dateAdded();
            c.kevDueDate = k.dueDate();
            c.kevRansomware = k.ransomwareUse();
            c.kevRequiredAction = k.requiredAction();
        }
        advisory.kev = advisory.cves.stream().anyMatch(c -> c.kev);
        if (!changes.isEmpty()) {
            service.record(advisory.id, advisory.revision, changes, Instant.now());
        }
        return changes;
    }
}
