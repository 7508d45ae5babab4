package org.vigil.matching.finding;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.vigil.advisory.Advisory;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.inventory.DeviceRepository;

/**
 * Triage: a change of state and/or justification, kept in the finding's history. A change names only what it
 * changes: the justification stays unless it is replaced or cleared ({@code "justification": null}). NOT_AFFECTED
 * and FALSE_POSITIVE need a justification: a person must say why.
 */
@ApplicationScoped
public class FindingTriage {

    /** States that say "not our problem". */
    static final Set<FindingState> NEED_JUSTIFICATION = Set.of(FindingState.NOT_AFFECTED, FindingState.FALSE_POSITIVE);
    private static final int MAX_JUSTIFICATION = 2000;

    /** What to change: {@code state} null keeps it; {@code setJustification} false keeps the justification. */
    public record Change(FindingState state, boolean setJustification, String justification) {
    }

    private final EntityManager em;
    private final DeviceRepository devices;

    public FindingTriage(EntityManager em, DeviceRepository devices) {
        this.em = em;
        this.devices = devices;
    }

    /** A PATCH body: {@code state} and {@code justification}, each optional, nothing else. */
    public static Change parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("A JSON object {\"state\": …, \"justification\": …} is required", List.of());
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("state") && !name.equals("justification")) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown field" + (unknown.size() > 1 ? "s " : " ") + "'"
                    + String.join("', '", unknown) + "'; accepted: justification, state", unknown.stream()
                    .map(u -> new org.vigil.api.ProblemDetail.FieldError(u, "unknown field")).toList());
        }
        if (!body.has("state") && !body.has("justification")) {
            throw ApiException.badRequest("Nothing to change: give state and/or justification", List.of());
        }
        FindingState state = null;
        if (body.has("state")) {
            JsonNode s = body.get("state");
            if (!s.isTextual()) {
                throw ApiException.badField("state", "must be one of " + java.util.Arrays.toString(FindingState.values()));
            }
            state = state(s.asText());
        }
        JsonNode j = body.get("justification");
        if (j != null && !j.isNull() && !j.isTextual()) {
            throw ApiException.badField("justification", "must be text, or null to clear it");
        }
        return new Change(state, body.has("justification"), j == null || j.isNull() ? null : j.asText());
    }

    static FindingState state(String value) {
        try {
            return FindingState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("state", "'" + value + "' is not one of "
                    + java.util.Arrays.toString(FindingState.values()));
        }
    }

    /** Applies the change, records it in the history when something changed, and returns the finding. */
    @Transactional
    public FindingView apply(UUID hospitalId, UUID id, Change change, String actor) {
        Finding f = owned(hospitalId, id);
        FindingState state = change.state() != null ? change.state() : f.state;
        String justification = change.setJustification() ? clean(change.justification()) : f.justification;
        if (justification != null && justification.length() > MAX_JUSTIFICATION) {
            throw ApiException.badField("justification", "must be at most " + MAX_JUSTIFICATION + " characters");
        }
        if (NEED_JUSTIFICATION.contains(state) && justification == null) {
            throw ApiException.badField("justification", "is required for " + state + ": say why");
        }
        if (state != f.state || !Objects.equals(justification, f.justification)) {
            FindingChange c = new FindingChange();
            c.id = UUID.randomUUID();
            c.findingId = f.id;
            c.hospitalId = hospitalId;
            c.changedAt = Instant.now();
            c.changedBy = actor == null ? "unknown" : actor;
            c.fromState = f.state;
            c.toState = state;
            c.fromJustification = f.justification;
            c.justification = justification;
            em.persist(c);
            f.state = state;
            f.justification = justification;
            f.resolution = null;
            f.triagedBy = c.changedBy;
            f.triagedAt = c.changedAt;
        }
        return FindingService.view(f, em.find(Advisory.class, f.advisoryId),
                devices.findOwned(hospitalId, f.deviceId).orElse(null));
    }

    /** The finding's changes, oldest first. */
    @Transactional
    public Page<FindingChange.View> history(UUID hospitalId, UUID id, PageRequest page) {
        owned(hospitalId, id);
        var query = em.createQuery("select c from FindingChange c where c.findingId = :f order by c.changedAt, c.id",
                FindingChange.class).setParameter("f", id);
        List<FindingChange.View> items = query.setFirstResult(page.page() * page.size()).setMaxResults(page.size())
                .getResultList().stream().map(FindingChange::view).toList();
        long total = page.total(items.size(), () -> em.createQuery(
                "select count(c) from FindingChange c where c.findingId = :f", Long.class)
                .setParameter("f", id).getSingleResult());
        return page.of(items, total);
    }

    private Finding owned(UUID hospitalId, UUID id) {
        Finding f = em.find(Finding.class, id);
        if (f == null || !f.hospitalId.equals(hospitalId)) {
            throw ApiException.notFound("Finding " + id);
        }
        return f;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
