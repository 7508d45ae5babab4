package org.vigil.matching.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.vigil.matching.MatchingConfig;
import org.vigil.matching.evidence.Matcher;

/**
 * The current alias registry and the matcher built on it: the built-in list, then the configured alias file,
 * then the operator's aliases (later lines win). Operator aliases are shared by every instance through the
 * database: each change raises the counter in {@code matching_alias_version}, and {@link #matcher()} compares that
 * one row with the version it built from, rebuilding when another instance changed the aliases. The instance that
 * made the change has already re-matched the companies it touched (findings and index are in the database), so the
 * others only rebuild their registry.
 */
@ApplicationScoped
public class Aliases {

    private static final Logger LOG = Logger.getLogger(Aliases.class);

    public enum Origin { BUILT_IN, FILE, OPERATOR }

    public record Entry(String alias, String canonical, Origin origin) {
    }

    private final ManufacturerAliasRepository repository;
    private final MatchingConfig config;
    private final EntityManager em;
    private volatile Matcher matcher;
    private volatile List<Entry> entries = List.of();
    /** The stored alias version the current matcher was built from. */
    private volatile long builtFrom = -1;
    /** How many affected-product rows the matcher's product families were last read from. */
    private volatile long familiesFrom = -1;

    public Aliases(ManufacturerAliasRepository repository, MatchingConfig config, EntityManager em) {
        this.repository = repository;
        this.config = config;
        this.em = em;
    }

    /** The matcher of the current aliases; one primary-key read decides whether they changed since it was built. */
    public Matcher matcher() {
        Matcher m = matcher;
        if (m == null || storedVersion() != builtFrom) {
            synchronized (this) {
                if (matcher == null || storedVersion() != builtFrom) {
                    reload();
                }
                m = matcher;
            }
        }
        refreshFamilies(m);
        return m;
    }

    /**
     * Keeps the catalogue's product families current: when the number of affected-product rows changed (an ingest
     * here or on another instance), the product names are read again; names already known are skipped cheaply.
     */
    private void refreshFamilies(Matcher m) {
        long rows = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM affected_product").getSingleResult())
                .longValue();
        if (rows == familiesFrom && m.families().size() > 0 || rows == 0) {
            return;
        }
        synchronized (this) {
            @SuppressWarnings("unchecked")
            List<Object[]> names = em.createNativeQuery(
                    "SELECT DISTINCT vendor, product FROM affected_product WHERE vendor IS NOT NULL AND product IS NOT NULL")
                    .getResultList();
            names.forEach(n -> m.families().learn((String) n[0], (String) n[1]));
            familiesFrom = rows;
        }
    }

    /** Records an alias change for every instance; call in the transaction that changed the aliases. */
    public void changed() {
        em.createNativeQuery("UPDATE matching_alias_version SET version = version + 1 WHERE id = 1").executeUpdate();
    }

    private long storedVersion() {
        return ((Number) em.createNativeQuery("SELECT version FROM matching_alias_version WHERE id = 1")
                .getSingleResult()).longValue();
    }

    public List<Entry> entries() {
        matcher();
        return entries;
    }

    /** Re-reads the file and the operator aliases; call inside the transaction that changed them. */
    public synchronized AliasRegistry reload() {
        long version = storedVersion();
        List<Entry> all = new ArrayList<>();
        AliasRegistry registry = build(all, repository.listAll().stream()
                .map(a -> new AliasRegistry.Alias(a.alias, a.canonical)).toList());
        entries = List.copyOf(all);
        matcher = new Matcher(registry);
        familiesFrom = -1;
        builtFrom = version;
        return registry;
    }

    /**
     * The registry as it would be with these operator aliases (a re-match compares the registry before an alias
     * change with the one after it).
     */
    public AliasRegistry registryWith(List<AliasRegistry.Alias> operatorAliases) {
        return build(new ArrayList<>(), operatorAliases);
    }

    private AliasRegistry build(List<Entry> all, List<AliasRegistry.Alias> operatorAliases) {
        AliasRegistry.Parsed builtIn = AliasRegistry.readBuiltIn();
        builtIn.aliases().forEach(a -> all.add(new Entry(a.alias(), a.canonical(), Origin.BUILT_IN)));
        List<AliasRegistry.ModelAlias> models = new ArrayList<>(builtIn.models());
        config.aliasesFile().ifPresent(file -> {
            try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                AliasRegistry.Parsed parsed = AliasRegistry.read(r);
                parsed.errors().forEach(e -> LOG.warnf("alias file %s: %s", file, e));
                parsed.aliases().forEach(a -> all.add(new Entry(a.alias(), a.canonical(), Origin.FILE)));
                models.addAll(parsed.models());
            } catch (IOException e) {
                LOG.errorf("alias file %s unreadable (%s): using the built-in and operator aliases only", file,
                        e.getMessage());
            }
        });
        operatorAliases.forEach(a -> all.add(new Entry(a.alias(), a.canonical(), Origin.OPERATOR)));
        return new AliasRegistry(all.stream().map(e -> new AliasRegistry.Alias(e.alias(), e.canonical())).toList(),
                models);
    }
}
