package org.vigil.ingest.fda.safety;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.advisory.AdvisoryRepository;

/**
 * CISA advisories ({@code cisa-csaf}) a safety communication is about: those sharing a CVE, or naming the same
 * manufacturer and product (the FDA's Contec/Epsimed communication of 2025-01-30 and ICSMA-25-030-01 share
 * "Contec" + "CMS8000"). Reads the catalogue only; the ids go into the communication's details.
 */
@ApplicationScoped
class CisaLinks {

    static final String CISA = "cisa-csaf";

    private final AdvisoryRepository advisories;

    CisaLinks(AdvisoryRepository advisories) {
        this.advisories = advisories;
    }

    List<String> related(Mentions.Found mentions) {
        Set<String> ids = new TreeSet<>();
        if (!mentions.cves().isEmpty()) {
            ids.addAll(advisories.getEntityManager().createQuery("select distinct c.advisory.id from AdvisoryCve c "
                    + "where c.cve in :cves and c.advisory.source = :source", String.class)
                    .setParameter("cves", mentions.cves()).setParameter("source", CISA).getResultList());
        }
        for (String firm : mentions.manufacturers()) {
            List<Object[]> rows = advisories.getEntityManager().createQuery("select p.advisory.id, p.product "
                    + "from AffectedProduct p where p.advisory.source = :source and lower(p.vendor) like :vendor",
                    Object[].class).setParameter("source", CISA)
                    .setParameter("vendor", "%" + firm.toLowerCase(Locale.ROOT) + "%").getResultList();
            for (Object[] row : rows) {
                if (sharesProduct((String) row[1], mentions.products())) {
                    ids.add((String) row[0]);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** "CMS8000" matches "CMS8000" and "Contec CMS8000 patient monitor"; "MN-120" matches "MN120". */
    static boolean sharesProduct(String cisaProduct, List<String> mentioned) {
        if (cisaProduct == null) {
            return false;
        }
        String p = squash(cisaProduct);
        if (p.length() < 3) {
            return false;
        }
        return mentioned.stream().map(CisaLinks::squash).anyMatch(m -> !m.isEmpty() && (p.contains(m) || m.contains(p)));
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
