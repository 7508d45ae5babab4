package org.vigil.notification.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.AdvisoryCve;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AffectedProduct;
import org.vigil.advisory.Json;
import org.vigil.advisory.ProductStatus;
import org.vigil.api.PublicUrl;
import org.vigil.notification.NotificationConfig;
import org.vigil.notification.channel.Notice;
import org.vigil.notification.channel.Notice.AdvisorySummary;
import org.vigil.notification.channel.Notice.CveLine;
import org.vigil.notification.channel.Notice.Section;
import org.vigil.tenancy.Hospital;

/**
 * Builds the {@link Notice} of a delivery: the devices as snapshotted in the outbox row, the advisory as it
 * stands now (a later material revision has its own delivery; this one shows current CVEs and fixes).
 * Call inside a transaction.
 */
@ApplicationScoped
public class NoticeComposer {

    private final EntityManager em;
    private final DeliveryRepository deliveries;
    private final NotificationConfig config;
    private final PublicUrl publicUrl;

    public NoticeComposer(EntityManager em, DeliveryRepository deliveries, NotificationConfig config,
            PublicUrl publicUrl) {
        this.em = em;
        this.deliveries = deliveries;
        this.config = config;
        this.publicUrl = publicUrl;
    }

    /** vigil.public-base-url, else vigil.notification.base-url as before it existed. */
    private String base() {
        return publicUrl.or(config.baseUrl());
    }

    public Notice compose(Delivery d) {
        Hospital hospital = em.find(Hospital.class, d.hospitalId);
        List<Section> sections = new ArrayList<>();
        switch (d.kind) {
            case EVENT -> sections.add(section(d));
            case DIGEST -> deliveries.inDigest(d.id).forEach(e -> sections.add(section(e)));
            case TEST -> sections.add(sample());
        }
        return new Notice(d.id, d.kind.name(), d.hospitalId, hospital == null ? "" : hospital.name, sections,
                d.periodStart, d.periodEnd, d.createdAt, base(), d.subscriptionId);
    }

    private Section section(Delivery d) {
        Advisory a = em.find(Advisory.class, d.advisoryId);
        List<NoticeItem> items = Json.readList(d.itemsJson, NoticeItem.class);
        return new Section(d.eventType.name(), a == null ? missing(d) : summary(a, items), items);
    }

    private AdvisorySummary summary(Advisory a, List<NoticeItem> items) {
        List<CveLine> cves = new ArrayList<>();
        for (AdvisoryCve c : a.cves) {
            cves.add(new CveLine(c.cve, c.cvssScore, c.cvssVersion, c.cvssVector, c.kev,
                    c.kevDateAdded == null ? null : c.kevDateAdded.toString(),
                    c.kevDueDate == null ? null : c.kevDueDate.toString(), c.kevRansomware));
        }
        List<String> remediations = new ArrayList<>();
        for (AdvisoryDraft.Remediation r : Json.readList(a.remediationsJson, AdvisoryDraft.Remediation.class)) {
            remediations.add((r.category() == null ? "" : r.category().replace('_', ' ') + ": ")
                    + (r.details() == null ? "" : r.details()) + (r.url() == null ? "" : " (" + r.url() + ")"));
        }
        return new AdvisorySummary(a.id, a.source, a.title, a.severity.name(), a.cvssMax, a.kev, a.revision, a.url,
                a.published, a.updated, product(a, items), cves, remediations,
                a.verification == null ? null : a.verification.name(), a.verificationDetail, a.keyFingerprint,
                a.documentHash, base() + "/api/v1/advisories/" + a.id);
    }

    /** The product as the advisory names it ("Contec CMS8000"), else as the hospital's device row does. */
    private static String product(Advisory a, List<NoticeItem> items) {
        for (AffectedProduct p : a.products) {
            if (p.status == ProductStatus.AFFECTED && p.product != null) {
                String vendor = p.vendor == null ? "" : p.vendor.trim();
                String first = vendor.isEmpty() ? "" : vendor.split("\\s+")[0];
                return first.isEmpty() || p.product.toLowerCase().startsWith(first.toLowerCase())
                        ? p.product : first + " " + p.product;
            }
        }
        return items.isEmpty() ? null : items.get(0).manufacturer() + " " + items.get(0).model();
    }

    private AdvisorySummary missing(Delivery d) {
        return new AdvisorySummary(d.advisoryId, null, "(advisory no longer in the catalogue)", "UNKNOWN", null, false,
                d.advisoryRevision, null, null, null, null, List.of(), List.of(), null, null, null, null,
                base() + "/api/v1/advisories/" + d.advisoryId);
    }

    private Section sample() {
        NoticeItem device = new NoticeItem(UUID.randomUUID(), UUID.randomUUID(), "TEST-1", "Example Medical",
                "Sample Monitor 1000", "1.0", "Test ward", "Biomed", 1, "CONFIRMED",
                List.of("this is a test notification; no real device or advisory is involved"), null);
        AdvisorySummary advisory = new AdvisorySummary("VIGIL-TEST", "vigil", "Vigil test notification", "LOW", null,
                false, "1", null, Instant.now(), Instant.now(), "Example Sample Monitor 1000", List.of(),
                List.of("none needed: this is a test"), null, null, null, null, base() + "/api/v1/subscriptions");
        return new Section("NEW_FINDING", advisory, List.of(device));
    }
}
