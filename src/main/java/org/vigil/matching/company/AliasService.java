package org.vigil.matching.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.matching.MatchingRun;
import org.vigil.matching.MatchingRunView;
import org.vigil.matching.MatchingRuns;

/**
 * Operator aliases: stored, then the registry is rebuilt and a background re-match of the companies it touches is
 * queued in the same transaction (a {@link MatchingRun}, shown in the answer and at /api/v1/matching/runs/{id}).
 */
@ApplicationScoped
public class AliasService {

    private final ManufacturerAliasRepository repository;
    private final Aliases aliases;
    private final MatchingRuns runs;

    public AliasService(ManufacturerAliasRepository repository, Aliases aliases, MatchingRuns runs) {
        this.repository = repository;
        this.aliases = aliases;
        this.runs = runs;
    }

    public record AliasInput(String alias, String canonical) {
    }

    public record AliasView(UUID id, String alias, String canonical, String key, String canonicalKey, String origin) {
    }

    /** The alias as stored or removed, and the re-match it queued. */
    public record Change(AliasView alias, MatchingRunView rematch) {
    }

    public List<AliasView> list() {
        List<ManufacturerAlias> stored = repository.listAll();
        AliasRegistry registry = aliases.matcher().aliases();
        return aliases.entries().stream().map(e -> new AliasView(
                stored.stream().filter(s -> e.origin() == Aliases.Origin.OPERATOR && s.alias.equals(e.alias()))
                        .map(s -> s.id).findFirst().orElse(null),
                e.alias(), e.canonical(), ManufacturerNames.key(e.alias()),
                registry.resolve(ManufacturerNames.key(e.canonical())).key(), e.origin().name())).toList();
    }

    /** Adds an alias; 400 when a name is blank or only legal words, 409 when the operator already aliased it. */
    @Transactional
    public Change add(AliasInput input, String actor) {
        if (input == null) {
            throw ApiException.badRequest("A JSON object {alias, canonical} is required", List.of());
        }
        List<AliasRegistry.Alias> before = operatorAliases();
        String key = keyOf("alias", input.alias());
        String target = keyOf("canonical", input.canonical());
        if (key.equals(target)) {
            throw ApiException.badField("canonical", "is the same company as the alias after normalization ('" + key + "')");
        }
        if (repository.find("aliasKey", key).firstResultOptional().isPresent()) {
            throw ApiException.conflict("An operator alias for '" + key + "' exists; delete it first");
        }
        ManufacturerAlias a = new ManufacturerAlias();
        a.id = UUID.randomUUID();
        a.alias = input.alias().strip();
        a.canonical = input.canonical().strip();
        a.aliasKey = key;
        a.createdBy = actor;
        a.createdAt = Instant.now();
        repository.persist(a);
        repository.flush();
        return new Change(view(a), rebuild(before, "alias added: " + a.alias + " = " + a.canonical, actor));
    }

    @Transactional
    public Change delete(UUID id, String actor) {
        ManufacturerAlias a = repository.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Alias " + id));
        List<AliasRegistry.Alias> before = operatorAliases();
        AliasView view = view(a);
        repository.delete(a);
        repository.flush();
        return new Change(view, rebuild(before, "alias removed: " + a.alias + " = " + a.canonical, actor));
    }

    private List<AliasRegistry.Alias> operatorAliases() {
        return repository.listAll().stream().map(x -> new AliasRegistry.Alias(x.alias, x.canonical)).toList();
    }

    /** {@code before} is read before the change is written: the operator aliases without it, on every instance. */
    private MatchingRunView rebuild(List<AliasRegistry.Alias> before, String reason, String actor) {
        aliases.changed();
        aliases.reload();
        return MatchingRunView.of(runs.startAlias(reason, before, actor));
    }

    private AliasView view(ManufacturerAlias a) {
        return new AliasView(a.id, a.alias, a.canonical, a.aliasKey,
                aliases.matcher().aliases().resolve(ManufacturerNames.key(a.canonical)).key(), "OPERATOR");
    }

    private static String keyOf(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badField(field, "is required");
        }
        if (value.length() > 200) {
            throw ApiException.badField(field, "must be at most 200 characters");
        }
        String key = ManufacturerNames.key(value);
        if (key.isEmpty()) {
            throw ApiException.badField(field, "has no distinctive word (only legal forms or generic words)");
        }
        return key;
    }
}
