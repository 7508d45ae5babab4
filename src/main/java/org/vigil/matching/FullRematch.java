package org.vigil.matching;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.vigil.matching.evidence.Matcher.PreparedDevice;
import org.vigil.matching.evidence.Matcher.PreparedProduct;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.company.Aliases;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.MatchResult;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.finding.FindingStore;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.Reconciler;
import org.vigil.matching.index.CatalogReader;
import org.vigil.matching.index.TermIndex;
import org.vigil.matching.index.Terms;

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

    public FullRematch(Aliases aliases, CatalogReader reader, TermIndex index, FindingStore store,
            MatchingService matching) {
        this.aliases = aliases;
        this.reader = reader;
        this.index = index;
        this.store = store;
        this.matching = matching;
    }

    /**
     * What a full re-match did; {@code indexMillis} is the time spent writing the term index, {@code writeMillis}
     * writing findings and events and the notification outbox rows that observe them.
     */
    public record Summary(long devices, long distinctDevices, long advisories, long newFindings, long changedFindings,
            long events, long indexMillis, long writeMillis, long millis) {
    }

    /**
     * Re-indexes and re-matches everything. Runs in batches of devices, each its own transaction (findings, events
     * and notification outbox together), so a million devices never sit in one transaction; a failure leaves the
     * batches before it done and the operator simply runs it again.
     */
    public Summary all() {
        Instant start = Instant.now();
        Matcher matcher = aliases.matcher();
        Map<String, List<PreparedProduct>> catalogue = new LinkedHashMap<>();
        Map<String, Set<String>> byTerm = new HashMap<>();
        Map<String, String> revisions = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            index.deleteAll();
            reader.allProducts().forEach((id, list) -> {
                List<PreparedProduct> prepared = list.stream().map(matcher::prepare).toList();
                catalogue.put(id, prepared);
                Set<String> terms = new LinkedHashSet<>();
                prepared.forEach(p -> terms.addAll(Terms.of(p)));
                index.replaceAdvisory(id, terms);
                terms.forEach(t -> byTerm.computeIfAbsent(t, k -> new HashSet<>()).add(id));
            });
            revisions.putAll(reader.revisions(catalogue.keySet()));
        });
        Map<String, Signature> bySignature = new HashMap<>();
        long[] counts = new long[6];
        UUID after = null;
        while (true) {
            UUID from = after;
            List<DeviceFacts> batch = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                List<DeviceFacts> page = reader.devicePage(from, BATCH);
                if (!page.isEmpty()) {
                    flush(page, matcher, catalogue, byTerm, revisions, bySignature, counts);
                }
                return page;
            });
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).id();
        }
        long millis = Duration.between(start, Instant.now()).toMillis();
        LOG.infof("full re-match: %d devices (%d distinct), %d advisories, %d new and %d changed findings, %d events in %d ms",
                counts[0], bySignature.size(), catalogue.size(), counts[1], counts[2], counts[5], millis);
        return new Summary(counts[0], bySignature.size(), catalogue.size(), counts[1], counts[2], counts[5],
                counts[3] / 1_000_000, counts[4] / 1_000_000, millis);
    }

    private record Hit(String advisoryId, MatchResult result) {
    }

    /** Devices written the same way share their terms and their findings: computed once per signature. */
    private record Signature(Set<String> terms, List<Hit> hits) {
    }

    private void flush(List<DeviceFacts> batch, Matcher matcher, Map<String, List<PreparedProduct>> catalogue,
            Map<String, Set<String>> byTerm, Map<String, String> revisions, Map<String, Signature> bySignature,
            long[] counts) {
        Map<DeviceFacts, Set<String>> terms = new LinkedHashMap<>();
        List<Reconciler.Found> found = new ArrayList<>();
        for (DeviceFacts d : batch) {
            Signature sig = bySignature.computeIfAbsent(d.signature(), s -> {
                PreparedDevice p = matcher.prepare(d);
                Set<String> t = Terms.of(p);
                Set<String> candidates = new java.util.TreeSet<>();
                t.forEach(term -> candidates.addAll(byTerm.getOrDefault(term, Set.of())));
                List<Hit> out = new ArrayList<>();
                for (String id : candidates) {
                    matcher.match(p, catalogue.get(id)).ifPresent(m -> out.add(new Hit(id, m)));
                }
                return new Signature(t, out);
            });
            terms.put(d, sig.terms());
            sig.hits().forEach(h -> h.result().forDevice(d).ifPresent(
                    m -> found.add(new Reconciler.Found(d.hospitalId(), d.id(), h.advisoryId(), m))));
        }
        long t0 = System.nanoTime();
        index.insertDevices(terms);
        counts[3] += System.nanoTime() - t0;
        List<FindingStore.Row> before = store.byDevices(batch.stream().map(DeviceFacts::id).toList());
        Reconciler.Outcome outcome = Reconciler.reconcile(before, found, new Reconciler.Scope(revisions::get,
                r -> "no longer affected after a full re-match", null), Instant.now());
        t0 = System.nanoTime();
        List<MatchEvent> events = matching.write(outcome);
        matching.publish(events);
        counts[4] += System.nanoTime() - t0;
        counts[5] += events.size();
        counts[0] += batch.size();
        counts[1] += outcome.inserts().size();
        counts[2] += outcome.updates().size();
    }

    /**
     * After an alias change: re-indexes the catalogue and re-matches the devices of every company whose canonical
     * name moved, under its old or its new name.
     */
    @Transactional
    public int companiesChanged(AliasRegistry before, AliasRegistry after) {
        Set<String> heads = new HashSet<>();
        List<String> names = new ArrayList<>();
        reader.query("SELECT DISTINCT manufacturer FROM device WHERE manufacturer IS NOT NULL", List.of(),
                rs -> names.add(rs.getString(1)));
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
