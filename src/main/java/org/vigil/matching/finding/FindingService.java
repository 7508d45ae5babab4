package org.vigil.matching.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.Json;
import org.vigil.advisory.Severity;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.api.QueryLists;
import org.vigil.inventory.Device;
import org.vigil.inventory.DeviceRepository;
import org.vigil.matching.evidence.Confidence;

/** A hospital's findings: listing with filters, and triage. Every method is scoped to the caller's hospital. */
@ApplicationScoped
public class FindingService {

    private final EntityManager em;
    private final DeviceRepository devices;
    private final FindingQueries queries;
    private final FindingTriage triage;

    public FindingService(EntityManager em, DeviceRepository devices, FindingQueries queries, FindingTriage triage) {
        this.em = em;
        this.devices = devices;
        this.queries = queries;
        this.triage = triage;
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

    /** The orders a listing can ask for (SQL over {@code finding f} joined with {@code advisory a}). */
    public static final Map<String, String> SORTS = Map.of(
            "severity", "CASE a.severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2"
                    + " WHEN 'LOW' THEN 1 ELSE 0 END",
            "confidence", "CASE f.confidence WHEN 'CONFIRMED' THEN 2 WHEN 'LIKELY' THEN 1 ELSE 0 END",
            "firstSeen", "f.first_seen",
            "lastSeen", "f.last_seen",
            "advisory", "f.advisory_id",
            "state", "f.state");

    /**
     * One page of the hospital's findings matching the filter, newest first, with device and advisory in brief.
     * Reads only, so it joins a caller's transaction but opens none of its own (two round trips and a commit less).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FindingView> list(UUID hospitalId, Filter f, PageRequest page) {
        return list(hospitalId, f, Listing.NEWEST, page);
    }

    /** One page of the hospital's findings, filtered, searched and ordered; newest first by default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FindingView> list(UUID hospitalId, Filter f, Listing listing, PageRequest page) {
        StringBuilder where = new StringBuilder("f.hospital_id = ?");
        List<Object> params = new ArrayList<>(List.of(hospitalId));
        boolean text = listing.text() != null && !listing.text().isBlank();
        List<FindingState> states = QueryLists.enums("state", f.state(), FindingState.class);
        List<Severity> severities = QueryLists.enums("severity", f.severity(), Severity.class);
        List<Confidence> confidences = QueryLists.enums("confidence", f.confidence(), Confidence.class);
        boolean bySeverity = !severities.isEmpty();
        in(where, params, "f.state", states);
        in(where, params, "a.severity", severities);
        in(where, params, "f.confidence", confidences);
        if (f.deviceId() != null) {
            where.append(" AND f.device_id = ?");
            params.add(f.deviceId());
        }
        if (f.advisoryId() != null && !f.advisoryId().isBlank()) {
            where.append(" AND f.advisory_id = ?");
            params.add(f.advisoryId().strip());
        }
        if (f.since() != null && !f.since().isBlank()) {
            where.append(" AND f.last_seen >= ?");
            params.add(since(f.since()).atOffset(ZoneOffset.UTC));
        }
        if (text) {
            where.append(" AND (LOWER(a.id) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(a.title, '')) LIKE ? ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM device t WHERE t.id = f.device_id AND t.hospital_id = f.hospital_id"
                    + " AND (LOWER(COALESCE(t.asset_id, '')) LIKE ? ESCAPE '\\' OR LOWER(t.manufacturer) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(t.model) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(t.version, '')) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(COALESCE(t.location, '')) LIKE ? ESCAPE '\\')))");
            String like = "%" + listing.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 7; i++) {
                params.add(like);
            }
        }
        return queries.page(new FindingQueries.Where(where.toString(), params, bySeverity || text), order(listing.sort()),
                page);
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (").append(QueryLists.marks(values.size())).append(")");
            values.forEach(v -> params.add(v.name()));
        }
    }

    private static String order(String sort) {
        if (sort == null || sort.isBlank()) {
            return FindingQueries.NEWEST_FIRST;
        }
        boolean descending = sort.startsWith("-");
        String expression = SORTS.get(descending ? sort.substring(1) : sort);
        if (expression == null) {
            throw ApiException.badField("sort", "must be one of " + new java.util.TreeSet<>(SORTS.keySet())
                    + ", optionally with a leading '-'");
        }
        return expression + (descending ? " DESC" : " ASC") + ", f.last_seen DESC";
    }

    /** One finding of the hospital; another hospital's id is "not found". */
    @Transactional
    public FindingView get(UUID hospitalId, UUID id) {
        Finding f = em.find(Finding.class, id);
        if (f == null || !f.hospitalId.equals(hospitalId)) {
            throw ApiException.notFound("Finding " + id);
        }
        // The device must be the hospital's too: the finding row alone never surfaces another hospital's device.
        return view(f, em.find(Advisory.class, f.advisoryId), devices.findOwned(hospitalId, f.deviceId).orElse(null));
    }

    /** One device's findings; 404 when the device is not the caller's. */
    @Transactional
    public Page<FindingView> forDevice(UUID hospitalId, UUID deviceId, PageRequest page) {
        devices.findOwned(hospitalId, deviceId).orElseThrow(() -> ApiException.notFound("Device " + deviceId));
        return list(hospitalId, new Filter(null, null, null, deviceId, null, null), page);
    }

    /**
     * Sets state and justification together, as the console's triage form sends them (a blank justification clears
     * it); recorded in the finding's history. The API's PATCH, which changes only what it is given, is
     * {@link FindingTriage#apply}.
     */
    public FindingView triage(UUID hospitalId, UUID id, FindingView.Triage input, String actor) {
        if (input == null) {
            throw ApiException.badRequest("A JSON object {state, justification} is required", List.of());
        }
        if (input.state() == null || input.state().isBlank()) {
            throw ApiException.badField("state", "is required");
        }
        return triage.apply(hospitalId, id, new FindingTriage.Change(FindingTriage.state(input.state()), true,
                input.justification()), actor);
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

    private static Instant since(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("since", "must be an ISO date (2025-01-30) or instant (2025-01-30T12:00:00Z)");
        }
    }
}
