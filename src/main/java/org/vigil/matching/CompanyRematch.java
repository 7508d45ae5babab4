package org.vigil.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.vigil.advisory.Json;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.company.Aliases;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.index.CatalogReader;
import org.vigil.matching.index.TermIndex;
import org.vigil.matching.index.Terms;

/**
 * The re-match after an alias change, as a {@link MatchingRun}: finds the companies whose canonical name moved
 * (comparing the registry before the change with the current one over every device maker and advisory vendor),
 * re-indexes the catalogue, and re-matches the devices of those companies a batch per transaction.
 */
@ApplicationScoped
public class CompanyRematch {

    /** What an ALIAS run covers: the operator aliases before the change; the company keys, once computed. */
    public record Scope(List<AliasRegistry.Alias> before, List<String> heads) {

        static Scope read(String json) {
            return Json.readList("[" + json + "]", Scope.class).get(0);
        }
    }

    private final Aliases aliases;
    private final CatalogReader reader;
    private final TermIndex index;
    private final MatchingService matching;
    private final RunProgress progress;
    private final MatchingConfig config;
    private final EntityManager em;

    public CompanyRematch(Aliases aliases, CatalogReader reader, TermIndex index, MatchingService matching,
            RunProgress progress, MatchingConfig config, EntityManager em) {
        this.aliases = aliases;
        this.reader = reader;
        this.index = index;
        this.matching = matching;
        this.progress = progress;
        this.config = config;
        this.em = em;
    }

    /** Runs (or resumes, after {@code after}) ALIAS run {@code runId}, which holds the lease. */
    void run(UUID runId, UUID after) {
        Scope scope = QuarkusTransaction.requiringNew().call(() -> Scope.read(em.find(MatchingRun.class, runId).scopeJson));
        List<String> heads = scope.heads() != null ? scope.heads() : QuarkusTransaction.requiringNew().call(() -> {
            progress.fence(runId);
            List<String> moved = List.copyOf(moved(aliases.registryWith(scope.before()), aliases.matcher().aliases()));
            em.find(MatchingRun.class, runId).scopeJson = Json.write(new Scope(scope.before(), moved));
            return moved;
        });
        if (heads.isEmpty()) {
            return;
        }
        reindexCatalogue(runId);
        TreeSet<UUID> devices = QuarkusTransaction.requiringNew().call(() -> new TreeSet<>(index.devicesOfCompanies(heads)));
        List<UUID> todo = new ArrayList<>(after == null ? devices : devices.tailSet(after, false));
        for (int i = 0; i < todo.size(); i += config.rematchBatchSize()) {
            List<UUID> chunk = todo.subList(i, Math.min(todo.size(), i + config.rematchBatchSize()));
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                progress.fence(runId);
                List<MatchEvent> events = matching.matchDevices(chunk,
                        "no longer matches after a manufacturer alias change");
                matching.publish(events);
                progress.advance(runId, chunk.get(chunk.size() - 1), chunk.size(), events);
            });
        }
    }

    /** Company keys of every maker or vendor name whose canonical company differs between the two registries. */
    private Set<String> moved(AliasRegistry before, AliasRegistry now) {
        Set<String> names = new LinkedHashSet<>();
        reader.query("SELECT DISTINCT manufacturer FROM device WHERE manufacturer IS NOT NULL", List.of(),
                rs -> names.add(rs.getString(1)));
        reader.query("SELECT DISTINCT vendor FROM affected_product WHERE vendor IS NOT NULL", List.of(),
                rs -> names.add(rs.getString(1)));
        Set<String> heads = new TreeSet<>();
        for (String n : names) {
            Set<String> old = before.heads(n);
            Set<String> current = now.heads(n);
            if (!old.equals(current)) {
                heads.addAll(old);
                heads.addAll(current);
            }
        }
        return heads;
    }

    /** Vendor keys move with the alias: every advisory's terms, re-read and re-written under its row lock. */
    private void reindexCatalogue(UUID runId) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<String> all = new ArrayList<>();
            reader.query("SELECT id FROM advisory", List.of(), rs -> all.add(rs.getString(1)));
            return all;
        });
        for (List<String> chunk : CatalogReader.chunks(ids)) {
            QuarkusTransaction.requiringNew().run(() -> {
                progress.fence(runId);
                Matcher matcher = aliases.matcher();
                Set<String> present = progress.lock(chunk);
                reader.products(present).forEach((id, products) -> {
                    Set<String> terms = new LinkedHashSet<>();
                    products.stream().map(matcher::prepare).forEach(p -> terms.addAll(Terms.of(p)));
                    index.replaceAdvisory(id, terms);
                });
            });
        }
    }
}
