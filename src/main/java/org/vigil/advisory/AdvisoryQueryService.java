package org.vigil.advisory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;

/** Reads the catalogue for the API: filtered, paged lists and the detail view of one advisory. */
@ApplicationScoped
public class AdvisoryQueryService {

    /** Validated filters of {@code GET /api/v1/advisories}; null means "any". */
    public record Filter(String source, List<Severity> severities, Instant since, String q, String cve, Boolean kev) {
    }

    private final AdvisoryRepository advisories;
    private final AdvisoryChangeRepository changes;

    public AdvisoryQueryService(AdvisoryRepository advisories, AdvisoryChangeRepository changes) {
        this.advisories = advisories;
        this.changes = changes;
    }

    /** Newest first (by the source's updated date). */
    @Transactional
    public Page<AdvisoryViews.Summary> list(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.source() != null) {
            where.append(" and a.source = :source");
            params.put("source", f.source());
        }
        if (f.severities() != null) {
            where.append(" and a.severity in :severities");
            params.put("severities", f.severities());
        }
        if (f.since() != null) {
            where.append(" and (a.updated >= :since or a.lastChanged >= :since)");
            params.put("since", f.since());
        }
        if (f.q() != null) {
            where.append(" and (lower(a.title) like :q or lower(a.vendors) like :q or exists (select p.id from"
                    + " AffectedProduct p where p.advisory = a and lower(p.product) like :q))");
            params.put("q", "%" + f.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (f.cve() != null) {
            where.append(" and exists (select c.id from AdvisoryCve c where c.advisory = a and c.cve = :cve)");
            params.put("cve", f.cve());
        }
        if (f.kev() != null) {
            where.append(" and a.kev = :kev");
            params.put("kev", f.kev());
        }
        var em = advisories.getEntityManager();
        TypedQuery<Advisory> query = em.createQuery("select a from Advisory a" + where
                + " order by coalesce(a.updated, a.firstSeen) desc, a.id", Advisory.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from Advisory a" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AdvisoryViews.Summary> items = query.setFirstResult(page.page() * page.size()).setMaxResults(page.size())
                .getResultStream().map(AdvisoryViews.Summary::of).toList();
        return page.of(items, count.getSingleResult());
    }

    @Transactional
    public AdvisoryViews.Detail get(String id) {
        Advisory a = advisories.findById(id);
        if (a == null) {
            throw ApiException.notFound("Advisory " + id);
        }
        List<AdvisoryViews.Product> products = new ArrayList<>();
        a.products.forEach(p -> products.add(new AdvisoryViews.Product(p.productId, p.vendor, p.product, p.versionText,
                p.versionRange, p.status, p.productCode, Json.readList(p.modelNumbersJson, String.class),
                Json.readList(p.catalogNumbersJson, String.class), Json.readList(p.udiDisJson, String.class))));
        List<AdvisoryViews.Cve> cves = new ArrayList<>();
        a.cves.forEach(c -> cves.add(new AdvisoryViews.Cve(c.cve, c.cweId, c.cweName, c.summary, c.cvssVersion,
                c.cvssVector, c.cvssScore, c.cvssSeverity, Json.readList(c.productIdsJson, String.class), c.kev,
                c.kevDateAdded, c.kevDueDate, c.kevRansomware, c.kevRequiredAction)));
        List<AdvisoryViews.Change> history = changes.forAdvisory(id).stream().map(c -> new AdvisoryViews.Change(
                c.revision, c.type, c.type.material(), c.detail, c.createdAt)).toList();
        return new AdvisoryViews.Detail(a.id, a.source, a.title, a.summary, a.url, a.published, a.updated, a.revision,
                a.status, a.severity, a.cvssMax, a.kev, a.vendors, products, cves,
                Json.readList(a.remediationsJson, AdvisoryDraft.Remediation.class),
                Json.readList(a.referencesJson, AdvisoryDraft.Reference.class),
                Json.readList(a.revisionHistoryJson, AdvisoryDraft.Revision.class), Json.readMap(a.detailsJson), history,
                AdvisoryViews.Provenance.of(AdvisoryMapper.provenance(a)),
                a.firstSeen, a.lastChanged);
    }

    /** The document exactly as the source published it. */
    @Transactional
    public String raw(String id) {
        Advisory a = advisories.findById(id);
        if (a == null || a.rawDocument == null) {
            throw ApiException.notFound("Advisory " + id);
        }
        return a.rawDocument;
    }
}
