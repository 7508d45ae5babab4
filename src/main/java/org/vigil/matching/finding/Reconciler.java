package org.vigil.matching.finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.vigil.advisory.Json;
import org.vigil.matching.evidence.MatchResult;

/**
 * Turns fresh match results into finding inserts, updates and events. Triage state and justification are never
 * touched; a finding that no longer applies becomes RESOLVED with a reason, never deleted; only material
 * differences produce events.
 */
public final class Reconciler {

    /** States a hospital still works on: events about them are news; NOT_AFFECTED / FALSE_POSITIVE are settled. */
    private static final Set<FindingState> LIVE = EnumSet.of(FindingState.OPEN, FindingState.ACKNOWLEDGED,
            FindingState.MITIGATED);

    public record Found(UUID hospitalId, UUID deviceId, String advisoryId, MatchResult result) {
    }

    /**
     * @param revisionOf      advisory id → current revision
     * @param resolution      why a finding in scope without a result no longer applies
     * @param advisoryChanges advisory id → description of a material change that concerns every finding of it
     *                        (new CVE, CVSS, fix); null or absent when the advisory itself did not change
     */
    public record Scope(Function<String, String> revisionOf, Function<FindingStore.Row, String> resolution,
            Map<String, String> advisoryChanges) {
    }

    public record Outcome(List<FindingStore.Row> inserts, List<FindingStore.Row> updates, List<MatchEvent> events) {
    }

    private Reconciler() {
    }

    public static Outcome reconcile(Collection<FindingStore.Row> existing, Collection<Found> results, Scope scope, Instant now) {
        Map<String, FindingStore.Row> byPair = new HashMap<>();
        existing.forEach(r -> byPair.put(r.deviceId + "|" + r.advisoryId, r));
        List<FindingStore.Row> inserts = new ArrayList<>();
        List<FindingStore.Row> updates = new ArrayList<>();
        List<MatchEvent> events = new ArrayList<>();
        // Devices of one signature share one MatchResult instance: its JSON is written once.
        Map<MatchResult, String> json = new java.util.IdentityHashMap<>();
        for (Found f : results) {
            String revision = scope.revisionOf().apply(f.advisoryId());
            FindingStore.Row r = byPair.remove(f.deviceId() + "|" + f.advisoryId());
            String reasons = json.computeIfAbsent(f.result(), m -> Json.write(m.reasons()));
            if (r == null) {
                r = new FindingStore.Row();
                r.id = UUID.randomUUID();
                r.hospitalId = f.hospitalId();
                r.deviceId = f.deviceId();
                r.advisoryId = f.advisoryId();
                r.state = FindingState.OPEN;
                apply(r, f.result(), reasons, revision);
                inserts.add(r);
                events.add(event(r, MatchEventType.NEW_FINDING, summary(f.result()), now));
                continue;
            }
            if (r.state == FindingState.RESOLVED && r.resolution != null) {
                r.previousState = r.state;
                r.state = FindingState.OPEN;
                r.resolution = null;
                apply(r, f.result(), reasons, revision);
                updates.add(r);
                events.add(event(r, MatchEventType.NEW_FINDING, "affected again: " + summary(f.result()), now));
                continue;
            }
            List<String> what = new ArrayList<>();
            if (r.confidence != f.result().confidence()) {
                what.add("confidence " + r.confidence + " → " + f.result().confidence());
            }
            if (r.needsReview != f.result().needsReview()) {
                what.add(f.result().needsReview() ? "now needs review" : "no longer needs review");
            }
            if (what.isEmpty() && !reasons.equals(r.reasonsJson)) {
                what.add("evidence changed: " + String.join("; ", f.result().reasons()));
            }
            String advisoryChange = scope.advisoryChanges() == null ? null : scope.advisoryChanges().get(f.advisoryId());
            if (advisoryChange != null) {
                what.add(advisoryChange);
            }
            boolean revised = revision != null && !revision.equals(r.revision);
            if (what.isEmpty() && !revised) {
                continue;
            }
            apply(r, f.result(), reasons, revision);
            updates.add(r);
            if (!what.isEmpty() && LIVE.contains(r.state)) {
                events.add(event(r, MatchEventType.FINDING_CHANGED, String.join("; ", what), now));
            }
        }
        for (FindingStore.Row r : byPair.values()) {
            if (!LIVE.contains(r.state)) {
                continue;
            }
            r.previousState = r.state;
            r.state = FindingState.RESOLVED;
            r.resolution = scope.resolution().apply(r);
            String revision = scope.revisionOf().apply(r.advisoryId);
            if (revision != null) {
                r.revision = revision;
            }
            updates.add(r);
            events.add(event(r, MatchEventType.FINDING_RESOLVED, r.resolution, now));
        }
        return new Outcome(inserts, updates, events);
    }

    private static void apply(FindingStore.Row r, MatchResult m, String reasons, String revision) {
        r.confidence = m.confidence();
        r.needsReview = m.needsReview();
        r.reasonsJson = reasons;
        if (revision != null) {
            r.revision = revision;
        }
    }

    private static String summary(MatchResult m) {
        return m.confidence() + (m.needsReview() ? " (needs review)" : "") + ": " + String.join("; ", m.reasons());
    }

    public static MatchEvent event(FindingStore.Row r, MatchEventType type, String detail, Instant now) {
        MatchEvent e = new MatchEvent();
        e.id = UUID.randomUUID();
        e.hospitalId = r.hospitalId;
        e.findingId = r.id;
        e.deviceId = r.deviceId;
        e.advisoryId = r.advisoryId;
        e.advisoryRevision = r.revision;
        e.type = type;
        e.detail = detail;
        e.createdAt = now;
        return e;
    }
}
