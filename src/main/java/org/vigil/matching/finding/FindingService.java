package org.vigil.matching.finding;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.Json;
import org.vigil.advisory.Severity;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.inventory.Device;
import org.vigil.inventory.DeviceRepository;
import org.vigil.matching.evidence.Confidence;

/** A hospital's findings: listing with filters, and triage. Every method is scoped to the caller's hospital. */
@ApplicationScoped
public class FindingService {

    /** States that say "not our problem": a person must say why. */
    private static final Set<FindingState> NEED_JUSTIFICATION = Set.of(FindingState.NOT_AFFECTED,
            FindingState.FALSE_POSITIVE);

    private final EntityManager em;
    private final DeviceRepository devices;

    public FindingService(EntityManager em, DeviceRepository devices) {
        this.em = em;
        this.devices = devices;
    }

    public record Filter(String state, String severity, String confidence, UUID deviceId, String advisoryId,
            String since) {
    }

    /**
     * Text search and order of a listing (the console's findings table). {@code text} matches the advisory id or
     * title and the device's asset id, manufacturer, model, version or location; {@code sort} is one of
     * {@link #SORTS} with an optional leading "-" for descending. Null for both: newest first, as the API lists.
     */
    public record Listing(String text, String sort) {
        public static final Listing NEWEST = new Listing(null, null);
    }

    /** The orders a listing can ask for. */
    public static final Map<String, String> SORTS = Map.of(
            "severity", "case a.severity when org.vigil.advisory.Severity.CRITICAL then 4"
                    + " when org.vigil.advisory.Severity.HIGH then 3 when org.vigil.advisory.Severity.MEDIUM then 2"
                    + " when org.vigil.advisory.Severity.LOW then 1 else 0 end",
            "confidence", "case f.confidence when org.vigil.matching.evidence.Confidence.CONFIRMED then 2"
                    + " when org.vigil.matching.evidence.Confidence.LIKELY then 1 else 0 end",
            "firstSeen", "f.firstSeen",
            "lastSeen", "f.lastSeen",
            "advisory", "f.advisoryId",
            "state", "f.state");

    @Transactional
    public Page<FindingView> list(UUID hospitalId, Filter f, PageRequest page) {
        return list(hospitalId, f, Listing.NEWEST, page);
    }

    /** One page of the hospital's findings, filtered, searched and ordered; newest first by default. */
    @Transactional
    public Page<FindingView> list(UUID hospitalId, Filter f, Listing listing, PageRequest page) {
        StringBuilder where = new StringBuilder("f.hospitalId = :h");
        Parameters p = Parameters.with("h", hospitalId);
        if (f.state() != null && !f.state().isBlank()) {
            where.append(" and f.state = :state");
            p.and("state", parse(FindingState.class, "state", f.state()));
        }
        if (f.severity() != null && !f.severity().isBlank()) {
            where.append(" and a.severity = :severity");
            p.and("severity", parse(Severity.class, "severity", f.severity()));
        }
        if (f.confidence() != null && !f.confidence().isBlank()) {
            where.append(" and f.confidence = :confidence");
            p.and("confidence", parse(Confidence.class, "confidence", f.confidence()));
        }
        if (f.deviceId() != null) {
            where.append(" and f.deviceId = :device");
            p.and("device", f.deviceId());
        }
        if (f.advisoryId() != null && !f.advisoryId().isBlank()) {
            where.append(" and f.advisoryId = :advisory");
            p.and("advisory", f.advisoryId().strip());
        }
        if (f.since() != null && !f.since().isBlank()) {
            where.append(" and f.lastSeen >= :since");
            p.and("since", since(f.since()));
        }
        if (listing.text() != null && !listing.text().isBlank()) {
            where.append(" and (lower(a.id) like :text escape '\\' or lower(coalesce(a.title, '')) like :text escape '\\'"
                    + " or exists (select d.id from Device d where d.id = f.deviceId and (lower(coalesce(d.assetId, ''))"
                    + " like :text escape '\\' or lower(d.manufacturer) like :text escape '\\' or lower(d.model) like :text"
                    + " escape '\\' or lower(coalesce(d.version, '')) like :text escape '\\'"
                    + " or lower(coalesce(d.location, '')) like :text escape '\\')))");
            p.and("text", "%" + listing.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String from = " from Finding f, Advisory a where a.id = f.advisoryId and " + where;
        var count = em.createQuery("select count(f)" + from, Long.class);
        var rows = em.createQuery("select f, a" + from + " order by " + order(listing.sort()) + ", f.id", Object[].class);
        p.map().forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<Object[]> items = rows.setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList();
        Map<UUID, Device> owned = new HashMap<>();
        List<UUID> ids = items.stream().map(r -> ((Finding) r[0]).deviceId).distinct().toList();
        if (!ids.isEmpty()) {
            devices.list("id in ?1", ids).forEach(d -> owned.put(d.id, d));
        }
        return page.of(items.stream().map(r -> view((Finding) r[0], (Advisory) r[1], owned.get(((Finding) r[0]).deviceId)))
                .toList(), count.getSingleResult());
    }

    private static String order(String sort) {
        if (sort == null || sort.isBlank()) {
            return "f.lastSeen desc";
        }
        boolean descending = sort.startsWith("-");
        String expression = SORTS.get(descending ? sort.substring(1) : sort);
        if (expression == null) {
            throw ApiException.badField("sort", "must be one of " + new java.util.TreeSet<>(SORTS.keySet())
                    + ", optionally with a leading '-'");
        }
        return expression + (descending ? " desc" : " asc");
    }

    /** One finding of the hospital; another hospital's id is "not found". */
    @Transactional
    public FindingView get(UUID hospitalId, UUID id) {
        Finding f = em.find(Finding.class, id);
        if (f == null || !f.hospitalId.equals(hospitalId)) {
            throw ApiException.notFound("Finding " + id);
        }
        return view(f, em.find(Advisory.class, f.advisoryId), devices.findById(f.deviceId));
    }

    /** One device's findings; 404 when the device is not the caller's. */
    @Transactional
    public Page<FindingView> forDevice(UUID hospitalId, UUID deviceId, PageRequest page) {
        devices.findOwned(hospitalId, deviceId).orElseThrow(() -> ApiException.notFound("Device " + deviceId));
        return list(hospitalId, new Filter(null, null, null, deviceId, null, null), page);
    }

    /** Sets the triage state; who and when are recorded, Vigil's own resolution note is cleared. */
    @Transactional
    public FindingView triage(UUID hospitalId, UUID id, FindingView.Triage input, String actor) {
        if (input == null) {
            throw ApiException.badRequest("A JSON object {state, justification} is required", List.of());
        }
        if (input.state() == null || input.state().isBlank()) {
            throw ApiException.badField("state", "is required");
        }
        FindingState state = parse(FindingState.class, "state", input.state());
        String justification = input.justification() == null || input.justification().isBlank() ? null
                : input.justification().strip();
        if (justification != null && justification.length() > 2000) {
            throw ApiException.badField("justification", "must be at most 2000 characters");
        }
        if (NEED_JUSTIFICATION.contains(state) && justification == null) {
            throw ApiException.badField("justification", "is required for " + state);
        }
        Finding f = em.find(Finding.class, id);
        if (f == null || !f.hospitalId.equals(hospitalId)) {
            throw ApiException.notFound("Finding " + id);
        }
        f.state = state;
        f.justification = justification;
        f.resolution = null;
        f.triagedBy = actor;
        f.triagedAt = Instant.now();
        Device d = devices.findById(f.deviceId);
        return view(f, em.find(Advisory.class, f.advisoryId), d);
    }

    static FindingView view(Finding f, Advisory a, Device d) {
        FindingView.DeviceSummary device = d == null
                ? new FindingView.DeviceSummary(f.deviceId, null, null, null, null, null, null, 0)
                : new FindingView.DeviceSummary(d.id, d.assetId, d.manufacturer, d.model, d.version, d.location,
                        d.department, d.quantity);
        FindingView.AdvisorySummary advisory = a == null ? null : new FindingView.AdvisorySummary(a.id, a.source,
                a.title, a.severity.name(), a.cvssMax, a.kev, a.url, a.revision, a.published, a.updated);
        return new FindingView(f.id, device, advisory, f.confidence, f.needsReview,
                Json.readList(f.reasonsJson, String.class), f.state, f.justification, f.resolution, f.triagedBy,
                f.triagedAt, f.advisoryRevision, f.firstSeen, f.lastSeen);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant since(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("since", "must be an ISO date (2025-01-30) or instant (2025-01-30T12:00:00Z)");
        }
    }
}
