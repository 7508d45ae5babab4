package org.vigil.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vigil.matching.Matcher.PreparedDevice;
import org.vigil.matching.Matcher.PreparedProduct;

/**
 * Rebuilds the term index and re-matches every device against the whole catalogue, on operator request (after an
 * upgrade of the matching rules) or after an alias change (then only the companies it touches). The catalogue is
 * held in memory and devices with the same signature are evaluated once, so a million devices take seconds.
 */
@ApplicationScoped
public class FullRematch {

    private static final Logger LOG = Logger.getLogger(FullRematch.class);
    private static final int BATCH = 5000;

    private final Aliases aliases;
    private final CatalogReader reader;
    private final TermIndex index;
    private final FindingStore store;
    private final MatchingService matching;
    private final EntityManager em;

    public FullRematch(Aliases aliases, CatalogReader reader, TermIndex index, FindingStore store,
            MatchingService matching, EntityManager em) {
        this.aliases = aliases;
        this.reader = reader;
        this.index = index;
        this.store = store;
        this.matching = matching;
        this.em = em;
    }

    public record Summary(long devices, long advisories, long newFindings, long changedFindings, long events,
            long millis) {
    }

    /** Re-indexes and re-matches everything in one transaction. */
    @Transactional
    public Summary all() {
        Instant start = Instant.now();
        em.flush();
        Matcher matcher = aliases.matcher();
        index.deleteAll();
        Map<String, List<PreparedProduct>> catalogue = new LinkedHashMap<>();
        Map<String, Set<String>> byTerm = new HashMap<>();
        reader.allProducts().forEach((id, list) -> {
            List<PreparedProduct> prepared = list.stream().map(matcher::prepare).toList();
            catalogue.put(id, prepared);
            Set<String> terms = new LinkedHashSet<>();
            prepared.forEach(p -> terms.addAll(Terms.of(p)));
            index.replaceAdvisory(id, terms);
            terms.forEach(t -> byTerm.computeIfAbsent(t, k -> new HashSet<>()).add(id));
        });
        Map<String, String> revisions = reader.revisions(catalogue.keySet());
        Map<UUID, List<FindingStore.Row>> existing = new HashMap<>();
        store.each(r -> existing.computeIfAbsent(r.deviceId, k -> new ArrayList<>()).add(r));
        Map<String, List<Hit>> bySignature = new HashMap<>();
        List<MatchEvent> events = new ArrayList<>();
        long[] counts = new long[3];
        List<DeviceFacts> batch = new ArrayList<>(BATCH);
        reader.eachDevice(d -> {
            batch.add(d);
            if (batch.size() == BATCH) {
                flush(batch, matcher, catalogue, byTerm, revisions, existing, bySignature, events, counts);
            }
        });
        flush(batch, matcher, catalogue, byTerm, revisions, existing, bySignature, events, counts);
        matching.publish(events);
        long millis = Duration.between(start, Instant.now()).toMillis();
        LOG.infof("full re-match: %d devices (%d distinct), %d advisories, %d new and %d changed findings, %d events in %d ms",
                counts[0], bySignature.size(), catalogue.size(), counts[1], counts[2], events.size(), millis);
        return new Summary(counts[0], catalogue.size(), counts[1], counts[2], events.size(), millis);
    }

    private record Hit(String advisoryId, MatchResult result) {
    }

    private void flush(List<DeviceFacts> batch, Matcher matcher, Map<String, List<PreparedProduct>> catalogue,
            Map<String, Set<String>> byTerm, Map<String, String> revisions, Map<UUID, List<FindingStore.Row>> existing,
            Map<String, List<Hit>> bySignature, List<MatchEvent> events, long[] counts) {
        Map<DeviceFacts, Set<String>> terms = new LinkedHashMap<>();
        List<Reconciler.Found> found = new ArrayList<>();
        List<FindingStore.Row> before = new ArrayList<>();
        for (DeviceFacts d : batch) {
            PreparedDevice p = matcher.prepare(d);
            Set<String> t = Terms.of(p);
            terms.put(d, t);
            List<Hit> hits = bySignature.computeIfAbsent(d.signature(), s -> {
                Set<String> candidates = new java.util.TreeSet<>();
                t.forEach(term -> candidates.addAll(byTerm.getOrDefault(term, Set.of())));
                List<Hit> out = new ArrayList<>();
                for (String id : candidates) {
                    matcher.match(p, catalogue.get(id)).ifPresent(m -> out.add(new Hit(id, m)));
                }
                return out;
            });
            hits.forEach(h -> found.add(new Reconciler.Found(d.hospitalId(), d.id(), h.advisoryId(), h.result())));
            before.addAll(existing.getOrDefault(d.id(), List.of()));
        }
        index.replaceDevices(terms);
        Reconciler.Outcome outcome = Reconciler.reconcile(before, found, new Reconciler.Scope(revisions::get,
                r -> "no longer affected after a full re-match", null), Instant.now());
        events.addAll(matching.write(outcome));
        counts[0] += batch.size();
        counts[1] += outcome.inserts().size();
        counts[2] += outcome.updates().size();
        batch.clear();
    }

    /**
     * After an alias change: re-indexes the catalogue and re-matches the devices of every company whose canonical
     * name moved, under its old or its new name.
     */
    @Transactional
    public int companiesChanged(AliasRegistry before, AliasRegistry after) {
        Set<String> heads = new HashSet<>();
        List<String> names = new ArrayList<>();
        reader.query("SELECT DISTINCT manufacturer FROM device", List.of(), rs -> names.add(rs.getString(1)));
        reader.query("SELECT DISTINCT vendor FROM affected_product WHERE vendor IS NOT NULL", List.of(),
                rs -> names.add(rs.getString(1)));
        for (String n : names) {
            Set<String> old = before.heads(n);
            Set<String> now = after.heads(n);
            if (!old.equals(now)) {
                heads.addAll(old);
                heads.addAll(now);
            }
        }
        if (heads.isEmpty()) {
            return 0;
        }
        Matcher matcher = aliases.matcher();
        reader.allProducts().forEach((id, list) -> {
            Set<String> terms = new LinkedHashSet<>();
            list.stream().map(matcher::prepare).forEach(p -> terms.addAll(Terms.of(p)));
            index.replaceAdvisory(id, terms);
        });
        Set<UUID> devices = index.devicesOfCompanies(heads);
        List<MatchEvent> events = new ArrayList<>();
        for (List<UUID> chunk : CatalogReader.chunks(devices)) {
            events.addAll(matching.matchDevices(chunk, "no longer matches after a manufacturer alias change"));
        }
        matching.publish(events);
        return devices.size();
    }
}
