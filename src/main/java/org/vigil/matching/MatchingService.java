package org.vigil.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.vigil.advisory.AdvisoryChanged;
import org.vigil.advisory.ChangeType;
import org.vigil.inventory.DevicesChanged;
import org.vigil.matching.evidence.Matcher.PreparedDevice;
import org.vigil.matching.evidence.Matcher.PreparedProduct;
import org.vigil.matching.company.Aliases;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.MatchResult;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.finding.FindingState;
import org.vigil.matching.finding.FindingStore;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.matching.finding.MatchEventsRecorded;
import org.vigil.matching.finding.Reconciler;
import org.vigil.matching.index.CatalogReader;
import org.vigil.matching.index.TermIndex;
import org.vigil.matching.index.Terms;

/**
 * Keeps findings in step with the catalogue and the inventories, through the term index: a new or revised advisory
 * is compared only with devices sharing a term, a new or changed device only with advisories sharing one. Runs in
 * the transaction of the change that triggered it and fires {@link MatchEventsRecorded} there.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    /** Changes that concern every device an advisory affects, not only the ones whose match changed. */
    private static final Set<ChangeType> ADVISORY_WIDE = EnumSet.of(ChangeType.CVE_ADDED, ChangeType.CVSS_CHANGED,
            ChangeType.SEVERITY_CHANGED, ChangeType.FIXED_VERSION_ADDED, ChangeType.REMEDIATION_ADDED,
            ChangeType.STATUS_CHANGED);

    private final Aliases aliases;
    private final CatalogReader reader;
    private final TermIndex index;
    private final FindingStore store;
    private final EntityManager em;
    private final Event<MatchEventsRecorded> recorded;

    public MatchingService(Aliases aliases, CatalogReader reader, TermIndex index, FindingStore store,
            EntityManager em, Event<MatchEventsRecorded> recorded) {
        this.aliases = aliases;
        this.reader = reader;
        this.index = index;
        this.store = store;
        this.em = em;
        this.recorded = recorded;
    }

    @Transactional
    void onAdvisoryChanged(@Observes AdvisoryChanged change) {
        List<MatchEvent> events = new ArrayList<>();
        String kev = change.changes().stream().filter(c -> c.type() == ChangeType.KEV_ADDED)
                .map(c -> c.detail() == null ? "KEV added" : c.detail()).collect(Collectors.joining("; "));
        boolean rematch = change.changes().stream().anyMatch(c -> c.type().material() && c.type() != ChangeType.KEV_ADDED);
        if (rematch) {
            String wide = change.changes().stream().filter(c -> ADVISORY_WIDE.contains(c.type()))
                    .map(c -> c.type() + (c.detail() == null ? "" : ": " + c.detail())).collect(Collectors.joining("; "));
            events.addAll(matchAdvisory(change.advisoryId(), wide.isEmpty() ? null : wide));
        }
        if (!kev.isEmpty()) {
            Instant now = Instant.now();
            for (FindingStore.Row r : store.byAdvisory(change.advisoryId())) {
                if (r.state == FindingState.OPEN || r.state == FindingState.ACKNOWLEDGED
                        || r.state == FindingState.MITIGATED) {
                    events.add(Reconciler.event(r, MatchEventType.KEV_ADDED, kev, now));
                }
            }
        }
        publish(events);
    }

    @Transactional
    void onDevicesChanged(@Observes DevicesChanged change) {
        List<MatchEvent> events = new ArrayList<>();
        if (!change.upserted().isEmpty()) {
            events.addAll(matchDevices(change.upserted(), "the device was changed and no longer matches"));
        }
        if (!change.deleted().isEmpty()) {
            List<FindingStore.Row> existing = store.byDevices(change.deleted());
            events.addAll(write(Reconciler.reconcile(existing, List.of(),
                    new Reconciler.Scope(a -> null, r -> "device removed from the inventory", null), Instant.now())));
            index.deleteDevices(change.deleted());
        }
        publish(events);
    }

    /** Matches one advisory against the devices sharing a term with it; returns the events (not yet published). */
    List<MatchEvent> matchAdvisory(String advisoryId, String advisoryWideChange) {
        em.flush();
        Matcher matcher = aliases.matcher();
        List<PreparedProduct> products = reader.products(List.of(advisoryId)).getOrDefault(advisoryId, List.of())
                .stream().map(matcher::prepare).toList();
        Set<String> terms = new java.util.LinkedHashSet<>();
        products.forEach(p -> terms.addAll(Terms.of(p)));
        index.replaceAdvisory(advisoryId, terms);
        List<Reconciler.Found> found = new ArrayList<>();
        Map<String, Optional<MatchResult>> bySignature = new HashMap<>();
        for (DeviceFacts d : reader.devicesWithTerms(terms)) {
            bySignature.computeIfAbsent(d.signature(), s -> matcher.match(matcher.prepare(d), products))
                    .flatMap(m -> m.forDevice(d))
                    .ifPresent(m -> found.add(new Reconciler.Found(d.hospitalId(), d.id(), advisoryId, m)));
        }
        String revision = reader.revisions(List.of(advisoryId)).get(advisoryId);
        Map<String, String> wide = advisoryWideChange == null ? Map.of() : Map.of(advisoryId, advisoryWideChange);
        return write(Reconciler.reconcile(store.byAdvisory(advisoryId), found, new Reconciler.Scope(
                a -> revision, r -> "no longer affected as of revision " + revision, wide), Instant.now()));
    }

    /** Matches these devices against the advisories sharing a term with them; returns the events. */
    List<MatchEvent> matchDevices(Collection<UUID> deviceIds, String resolution) {
        em.flush();
        Matcher matcher = aliases.matcher();
        Map<DeviceFacts, Set<String>> deviceTerms = new LinkedHashMap<>();
        Map<UUID, PreparedDevice> prepared = new HashMap<>();
        for (DeviceFacts d : reader.devices(deviceIds)) {
            PreparedDevice p = matcher.prepare(d);
            prepared.put(d.id(), p);
            deviceTerms.put(d, Terms.of(p));
        }
        index.replaceDevices(deviceTerms);
        Set<String> allTerms = new java.util.HashSet<>();
        deviceTerms.values().forEach(allTerms::addAll);
        Map<String, Set<String>> byTerm = index.advisoriesByTerm(allTerms);
        Set<String> advisoryIds = new java.util.HashSet<>();
        byTerm.values().forEach(advisoryIds::addAll);
        Map<String, List<PreparedProduct>> products = new HashMap<>();
        reader.products(advisoryIds).forEach((id, list) -> products.put(id, list.stream().map(matcher::prepare).toList()));
        Map<String, String> revisions = reader.revisions(advisoryIds);
        List<Reconciler.Found> found = new ArrayList<>();
        for (var e : deviceTerms.entrySet()) {
            Set<String> candidates = new java.util.TreeSet<>();
            e.getValue().forEach(t -> candidates.addAll(byTerm.getOrDefault(t, Set.of())));
            for (String advisoryId : candidates) {
                matcher.match(prepared.get(e.getKey().id()), products.getOrDefault(advisoryId, List.of()))
                        .flatMap(m -> m.forDevice(e.getKey()))
                        .ifPresent(m -> found.add(new Reconciler.Found(e.getKey().hospitalId(), e.getKey().id(),
                                advisoryId, m)));
            }
        }
        return write(Reconciler.reconcile(store.byDevices(deviceIds), found,
                new Reconciler.Scope(revisions::get, r -> resolution, null), Instant.now()));
    }

    List<MatchEvent> write(Reconciler.Outcome outcome) {
        Instant now = Instant.now();
        store.write(outcome.inserts(), outcome.updates(), now);
        store.writeEvents(outcome.events());
        return outcome.events();
    }

    void publish(List<MatchEvent> events) {
        if (!events.isEmpty()) {
            LOG.debugf("matching recorded %d events", events.size());
            recorded.fire(new MatchEventsRecorded(List.copyOf(events)));
        }
    }
}
