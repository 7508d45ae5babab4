package org.vigil.matching;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The current alias registry and the matcher built on it: the built-in list, then the configured alias file,
 * then the operator's aliases (later lines win). Rebuilt whenever an operator alias changes.
 */
@ApplicationScoped
public class Aliases {

    private static final Logger LOG = Logger.getLogger(Aliases.class);

    public enum Origin { BUILT_IN, FILE, OPERATOR }

    public record Entry(String alias, String canonical, Origin origin) {
    }

    private final ManufacturerAliasRepository repository;
    private final MatchingConfig config;
    private volatile Matcher matcher;
    private volatile List<Entry> entries = List.of();

    public Aliases(ManufacturerAliasRepository repository, MatchingConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public Matcher matcher() {
        Matcher m = matcher;
        if (m == null) {
            synchronized (this) {
                if (matcher == null) {
                    reload();
                }
                m = matcher;
            }
        }
        return m;
    }

    public List<Entry> entries() {
        matcher();
        return entries;
    }

    /** Re-reads the file and the operator aliases; call inside the transaction that changed them. */
    public synchronized AliasRegistry reload() {
        List<Entry> all = new ArrayList<>();
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
        repository.listAll().forEach(a -> all.add(new Entry(a.alias, a.canonical, Origin.OPERATOR)));
        AliasRegistry registry = new AliasRegistry(
                all.stream().map(e -> new AliasRegistry.Alias(e.alias(), e.canonical())).toList(), models);
        entries = List.copyOf(all);
        matcher = new Matcher(registry);
        return registry;
    }
}
