package org.vigil.notification;

import static org.vigil.support.Api.as;

import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.Json;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.Finding;
import org.vigil.matching.finding.FindingState;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.matching.finding.MatchEventsRecorded;

/**
 * Stands in for matching in notification tests: writes findings and match events and fires
 * {@link MatchEventsRecorded} inside one transaction, exactly as matching does.
 */
@ApplicationScoped
public class MatchFixture {

    private final AdvisoryService advisories;
    private final EntityManager em;
    private final Event<MatchEventsRecorded> recorded;

    public MatchFixture(AdvisoryService advisories, EntityManager em, Event<MatchEventsRecorded> recorded) {
        this.advisories = advisories;
        this.em = em;
        this.recorded = recorded;
    }

    /** A CSAF-like advisory for the Contec CMS8000 with one CVE, a remediation and verified provenance. */
    public static AdvisoryDraft cms8000(String id, String revision, Severity severity, double cvss, String title) {
        return contec(id, revision, severity, cvss, title, "CMS8000", "vers:all/*");
    }

    /**
     * The same advisory for another Contec product and version range: with a model number of its own, only the
     * devices a test creates for it match, whatever earlier tests left in the catalogue.
     */
    public static AdvisoryDraft contec(String id, String revision, Severity severity, double cvss, String title,
            String product, String versionText) {
        return new AdvisoryDraft(id, "cisa-csaf", title, "Backdoor in patient monitor", "https://www.cisa.gov/x/" + id,
                Instant.parse("2025-01-30T00:00:00Z"), Instant.now(), revision, severity, "final",
                List.of(new AdvisoryDraft.Cve("CVE-2025-0626", "CWE-506", "Embedded Malicious Code", "backdoor", "3.1",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", cvss, severity.name(), List.of("CSAFPID-1"))),
                List.of(new AdvisoryDraft.Product("CSAFPID-1", "Contec Health", product, versionText,
                        ProductStatus.AFFECTED, "MHX", List.of(), List.of(), List.of())),
                List.of(new AdvisoryDraft.Remediation("mitigation", "Unplug the monitor from the network",
                        "https://www.fda.gov/cms8000", List.of("CSAFPID-1"))),
                List.of(), List.of(), Map.of(),
                new AdvisoryDraft.Provenance("sha512:abc", Verification.VERIFIED, "hash and signature checked",
                        "0123456789ABCDEF"), "{}");
    }

    @Transactional
    public void upsert(AdvisoryDraft draft) {
        advisories.upsert(draft);
    }

    /** Creates a device through the API; its manufacturer matches no advisory, so only this fixture records events for it. */
    public static UUID device(String key, String model, String version, String location, int quantity) {
        String id = as(key).contentType(ContentType.JSON)
                .body(Map.of("manufacturer", "Acme Biomedical", "model", model, "version", version,
                        "location", location, "quantity", quantity, "assetId", "A-" + UUID.randomUUID()))
                .post("/api/v1/devices").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A Contec device created through the API, which Vigil's own matching compares with the catalogue. */
    public static UUID contecDevice(String key, String model, String version, String location, int quantity) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("manufacturer", "Contec Medical Systems Co., Ltd.",
                "model", model, "location", location, "quantity", quantity, "assetId", "C-" + UUID.randomUUID()));
        if (version != null) {
            body.put("version", version);
        }
        String id = as(key).contentType(ContentType.JSON).body(body).post("/api/v1/devices").then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    /** A model number no other test uses: "XR" and six digits. */
    public static String uniqueModel() {
        // Six digits: tests share one database, and 9,000 values made two tests' models meet now and then.
        return "XR" + (100000 + (int) (Math.random() * 899999));
    }

    /** Records one event per device (creating findings as needed) and fires MatchEventsRecorded, as matching does. */
    @Transactional
    public List<MatchEvent> record(UUID hospitalId, String advisoryId, String revision, MatchEventType type,
            Confidence confidence, List<UUID> deviceIds) {
        List<MatchEvent> events = new ArrayList<>();
        for (UUID deviceId : deviceIds) {
            Finding f = em.createQuery("from Finding f where f.deviceId = :d and f.advisoryId = :a", Finding.class)
                    .setParameter("d", deviceId).setParameter("a", advisoryId).getResultStream().findFirst().orElse(null);
            if (f == null) {
                f = new Finding();
                f.id = UUID.randomUUID();
                f.hospitalId = hospitalId;
                f.deviceId = deviceId;
                f.advisoryId = advisoryId;
                f.state = FindingState.OPEN;
                f.firstSeen = Instant.now();
                f.needsReview = false;
                f.confidence = confidence;
                f.reasonsJson = "[]";
                f.lastSeen = Instant.now();
                em.persist(f);
            }
            f.confidence = confidence;
            f.reasonsJson = Json.write(List.of("manufacturer 'Acme Biomedical' = vendor 'Contec Health' (alias)",
                    "model 'CMS8000' = product 'CMS8000'"));
            f.advisoryRevision = revision;
            f.lastSeen = Instant.now();
            if (type == MatchEventType.FINDING_RESOLVED) {
                f.state = FindingState.RESOLVED;
            }
            MatchEvent e = new MatchEvent();
            e.id = UUID.randomUUID();
            e.hospitalId = hospitalId;
            e.findingId = f.id;
            e.deviceId = deviceId;
            e.advisoryId = advisoryId;
            e.advisoryRevision = revision;
            e.type = type;
            e.createdAt = Instant.now();
            em.persist(e);
            events.add(e);
        }
        em.flush();
        recorded.fire(new MatchEventsRecorded(events));
        return events;
    }

    /** A revision and the events it caused, in one transaction, as matching does when it reacts to a revision. */
    @Transactional
    public List<MatchEvent> reviseAndRecord(AdvisoryDraft draft, UUID hospitalId, MatchEventType type,
            Confidence confidence, List<UUID> deviceIds) {
        advisories.upsert(draft);
        return record(hospitalId, draft.id(), draft.revision(), type, confidence, deviceIds);
    }

    /** Points a subscription somewhere else behind the API's back (what a changed DNS answer amounts to). */
    @Transactional
    public void retarget(UUID subscriptionId, String url) {
        em.find(Subscription.class, subscriptionId).webhookUrl = url;
    }

    /** Re-fires already recorded events (matching retried, or a duplicate event). */
    @Transactional
    public void refire(List<MatchEvent> events) {
        recorded.fire(new MatchEventsRecorded(events));
    }

    public static String advisoryId() {
        return "ICSMA-25-" + (100 + (int) (Math.random() * 899)) + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    public static LocalDate today() {
        return LocalDate.now();
    }
}
