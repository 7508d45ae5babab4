package org.vigil.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vigil.matching.company.Aliases;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.MatchResult;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.evidence.Matcher.PreparedDevice;
import org.vigil.matching.evidence.Matcher.PreparedProduct;
import org.vigil.matching.finding.FindingStore;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.Reconciler;
import org.vigil.matching.index.CatalogReader;
import org.vigil.matching.index.TermIndex;
import org.vigil.matching.index.Terms;

/**
 * Re-indexes and re-matches every device against the whole catalogue, as a {@link MatchingRun} (after an upgrade of
 * the matching rules). The catalogue is held in memory and devices with the same signature are evaluated once, so a
 * million devices take seconds.
 *
 * <p>Safe next to ingest and inventory changes, which keep matching incrementally meanwhile. Nothing is deleted
 * up front: each advisory's and each device's index entries are replaced in the transaction that writes the new
 * ones. Each batch locks the advisories it touches and leaves alone every advisory that changed after the
 * catalogue was read (those were matched by their own change, with the current catalogue), and findings of
 * advisories that arrived meanwhile; so an advisory ingested during a re-match keeps its findings and no hospital
 * hears a FINDING_RESOLVED for a device that still matches.
 */
@ApplicationScoped
public class FullRematch {

    private static final Logger LOG = Logger.getLogger(FullRematch.class);

    private final Aliases aliases;
    private final CatalogReader reader;
    private final TermIndex index;
    private final FindingStore store;
    private final MatchingService matching;
    private final RunProgress progress;
    private final MatchingConfig config;

    public FullRematch(Aliases aliases, CatalogReader reader, TermIndex index, FindingStore store,
            MatchingService matching, RunProgress progress, MatchingConfig config) {
        this.aliases = aliases;
        this.reader = reader;
        this.index = index;
        this.store = store;
        this.matching = matching;
        this.progress = progress;
        this.config = config;
    }

    /**
     * What a full re-match did; {@code indexMillis} is the time spent writing the term index, {@code writeMillis}
     * writing findings and events and the notification outbox rows that observe them.
     */
    public record Summary(long devices, long distinctDevices, long advisories, long newFindings, long changedFindings,
            long events, long indexMillis, long writeMillis, long millis) {
    }

    /** The catalogue as one re-match read it: prepared products, content hashes, revisions, advisories by term. */
    private record Snapshot(Map<String, List<PreparedProduct>> products, Map<String, String> hashes,
            Map<String, String> revisions, Map<String, Set<String>> byTerm) {
    }

    private record Hit(String advisoryId, MatchResult result) {
    }

    /** Devices written the same way share their terms and their findings: computed once per signature. */
    private record Signature(Set<String> terms, List<Hit> hits) {
    }

    /** Runs (or resumes, after {@code after}) the full re-match of run {@code runId}, which holds the lease. */
    Summary run(UUID runId, UUID after) {
        Instant start = Instant.now();
        Matcher matcher = QuarkusTransaction.requiringNew().call(aliases::matcher);
        Snapshot catalogue = snapshot(runId, matcher);
        Map<String, Signature> bySignature = new HashMap<>();
        long[] counts = new long[6];
        UUID cursor = after;
        while (true) {
            UUID from = cursor;
            List<DeviceFacts> batch = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                progress.fence(runId);
                List<DeviceFacts> page = reader.devicePage(from, config.rematchBatchSize());
                if (!page.isEmpty()) {
                    List<MatchEvent> events = batch(page, matcher, catalogue, bySignature, counts);
                    progress.advance(runId, page.get(page.size() - 1).id(), page.size(), events);
                }
                return page;
            });
            if (batch.size() < config.rematchBatchSize()) {
                break;
            }
            cursor = batch.get(batch.size() - 1).id();
        }
        long millis = Duration.between(start, Instant.now()).toMillis();
        LOG.infof("full re-match: %d devices (%d distinct), %d advisories, %d new and %d changed findings, %d events in %d ms",
                counts[0], bySignature.size(), catalogue.products().size(), counts[1], counts[2], counts[5], millis);
        return new Summary(counts[0], bySignature.size(), catalogue.products().size(), counts[1], counts[2], counts[5],
                counts[3] / 1_000_000, counts[4] / 1_000_000, millis);
    }

    /**
     * Reads the catalogue and re-indexes it with the current rules. Content hashes are read first, so an advisory
     * changed while the products are read looks changed to the batches, never unchanged with stale products.
     */
    private Snapshot snapshot(UUID runId, Matcher matcher) {
        Map<String, String> hashes = new HashMap<>();
        Map<String, List<PreparedProduct>> catalogue = new LinkedHashMap<>();
        Map<String, String> revisions = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            reader.query("SELECT id, content_hash FROM advisory", List.of(), rs -> hashes.put(rs.getString(1),
                    String.valueOf(rs.getString(2))));
            reader.allProducts().forEach((id, list) -> catalogue.put(id, list.stream().map(matcher::prepare).toList()));
            revisions.putAll(reader.revisions(catalogue.keySet()));
        });
        Map<String, Set<String>> byTerm = new HashMap<>();
        Map<String, Set<String>> termsOf = new LinkedHashMap<>();
        catalogue.forEach((id, prepared) -> {
            Set<String> terms = new LinkedHashSet<>();
            prepared.forEach(p -> terms.addAll(Terms.of(p)));
            termsOf.put(id, terms);
            terms.forEach(t -> byTerm.computeIfAbsent(t, k -> new HashSet<>()).add(id));
        });
        for (List<String> chunk : CatalogReader.chunks(termsOf.keySet())) {
            QuarkusTransaction.requiringNew().run(() -> {
                progress.fence(runId);
                // An advisory revised since it was read was re-indexed by its own change: keep that entry.
                Set<String> unchanged = progress.lockUnchanged(chunk, hashes);
                chunk.stream().filter(unchanged::contains).forEach(id -> index.replaceAdvisory(id, termsOf.get(id)));
            });
        }
        return new Snapshot(catalogue, hashes, revisions, byTerm);
    }

    private List<MatchEvent> batch(List<DeviceFacts> batch, Matcher matcher, Snapshot catalogue,
            Map<String, Signature> bySignature, long[] counts) {
        Map<DeviceFacts, Set<String>> terms = new LinkedHashMap<>();
        List<Reconciler.Found> found = new ArrayList<>();
        for (DeviceFacts d : batch) {
            Signature sig = bySignature.computeIfAbsent(d.signature(), s -> {
                PreparedDevice p = matcher.prepare(d);
                Set<String> t = Terms.of(p);
                Set<String> candidates = new TreeSet<>();
                t.forEach(term -> candidates.addAll(catalogue.byTerm().getOrDefault(term, Set.of())));
                List<Hit> out = new ArrayList<>();
                for (String id : candidates) {
                    matcher.match(p, catalogue.products().get(id)).ifPresent(m -> out.add(new Hit(id, m)));
                }
                return new Signature(t, out);
            });
            terms.put(d, sig.terms());
            sig.hits().forEach(h -> h.result().forDevice(d).ifPresent(
                    m -> found.add(new Reconciler.Found(d.hospitalId(), d.id(), h.advisoryId(), m))));
        }
        List<FindingStore.Row> before = store.byDevices(batch.stream().map(DeviceFacts::id).toList());
        Set<String> scope = new HashSet<>();
        found.forEach(f -> scope.add(f.advisoryId()));
        before.forEach(r -> scope.add(r.advisoryId));
        // Locked until this batch commits: a concurrent revision of one of them waits, then re-matches on its own.
        Set<String> unchanged = progress.lockUnchanged(scope, catalogue.hashes());
        long t0 = System.nanoTime();
        index.replaceDevices(terms);
        counts[3] += System.nanoTime() - t0;
        Reconciler.Outcome outcome = Reconciler.reconcile(
                before.stream().filter(r -> unchanged.contains(r.advisoryId)).toList(),
                found.stream().filter(f -> unchanged.contains(f.advisoryId())).toList(),
                new Reconciler.Scope(catalogue.revisions()::get, r -> "no longer affected after a full re-match", null),
                Instant.now());
        t0 = System.nanoTime();
        List<MatchEvent> events = matching.write(outcome);
        matching.publish(events);
        counts[4] += System.nanoTime() - t0;
        counts[5] += events.size();
        counts[0] += batch.size();
        counts[1] += outcome.inserts().size();
        counts[2] += outcome.updates().size();
        return events;
    }
}
