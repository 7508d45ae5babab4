package org.vigil.matching.company;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.matching.evidence.ProductText;

/**
 * Which names mean the same company (CareFusion → BD, Hill-Rom → Baxter, Phillips → Philips) and which models are
 * the same device sold under another name (Epsimed MN-120 = Contec CMS8000). Immutable: a change of the alias
 * list builds a new registry. Pure Java; {@link AliasService} assembles it from the built-in list, the file
 * {@code vigil.matching.aliases-file} and the operator's aliases.
 */
public final class AliasRegistry {

    /** One line of an alias file: {@code name = canonical} or {@code model: Epsimed | MN-120 = Contec | CMS8000}. */
    public record Alias(String alias, String canonical) {
    }

    public record ModelAlias(String manufacturer, String model, String asManufacturer, String asModel) {
    }

    /** A company name resolved: its canonical key, and whether an alias was needed to get there. */
    public record Resolved(String key, boolean viaAlias) {
        /**
         * The index buckets: the first four letters of the key without spaces (umlauts plain), and a first word
         * shorter than that on its own, so that keys related by {@link #related} ("innokas" / "innokas yhtymae",
         * "sante soft" / "santesoft", "bd" / "bd biosciences", "oessur" / "ossur") always share one.
         */
        public Set<String> heads() {
            String plain = plain(key);
            String squashed = plain.replace(" ", "");
            Set<String> out = new LinkedHashSet<>();
            out.add(squashed.length() <= 4 ? squashed : squashed.substring(0, 4));
            String first = plain.split(" ")[0];
            if (first.length() < 4) {
                out.add(first);
            }
            return out;
        }
    }

    private final Map<String, String> aliases = new HashMap<>();
    private final List<ModelAlias> models;
    /** Inventories repeat a few hundred manufacturer spellings a million times: resolve each once. */
    private final Map<String, List<Resolved>> companiesCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<String>> sameCache = new java.util.concurrent.ConcurrentHashMap<>();

    public AliasRegistry(List<Alias> list, List<ModelAlias> models) {
        for (Alias a : list) {
            String from = ManufacturerNames.key(a.alias());
            String to = ManufacturerNames.key(a.canonical());
            if (!from.isEmpty() && !to.isEmpty() && !from.equals(to)) {
                aliases.put(from, to);
            }
        }
        this.models = List.copyOf(models);
    }

    /** The registry of the built-in list only. */
    public static AliasRegistry builtIn() {
        Parsed p = readBuiltIn();
        return new AliasRegistry(p.aliases(), p.models());
    }

    public record Parsed(List<Alias> aliases, List<ModelAlias> models, List<String> errors) {
    }

    public static Parsed readBuiltIn() {
        try (InputStream in = AliasRegistry.class.getResourceAsStream("builtin-aliases.txt")) {
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("built-in alias list unreadable", e);
        }
    }

    /** Reads an alias file; malformed lines are reported with their number and skipped. */
    public static Parsed read(Reader reader) throws IOException {
        List<Alias> list = new ArrayList<>();
        List<ModelAlias> models = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        BufferedReader r = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] sides = t.split("=", 2);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                errors.add("line " + n + ": expected 'name = canonical name'");
                continue;
            }
            if (t.regionMatches(true, 0, "model:", 0, 6)) {
                String[] from = sides[0].substring(6).split("\\|");
                String[] to = sides[1].split("\\|");
                if (from.length != 2 || to.length != 2) {
                    errors.add("line " + n + ": expected 'model: maker | model = maker | model'");
                    continue;
                }
                models.add(new ModelAlias(from[0].strip(), from[1].strip(), to[0].strip(), to[1].strip()));
            } else {
                list.add(new Alias(sides[0].strip(), sides[1].strip()));
            }
        }
        return new Parsed(list, models, errors);
    }

    /** The canonical key of one company key: the longest aliased word prefix is replaced, repeatedly. */
    public Resolved resolve(String key) {
        String current = key;
        boolean via = false;
        for (int hop = 0; hop < 5; hop++) {
            String next = replacePrefix(current);
            if (next == null || next.equals(current)) {
                break;
            }
            current = next;
            via = true;
        }
        return new Resolved(current, via);
    }

    private String replacePrefix(String key) {
        List<String> words = Arrays.asList(key.split(" "));
        for (int n = words.size(); n > 0; n--) {
            String prefix = String.join(" ", words.subList(0, n));
            String to = aliases.get(prefix);
            if (to != null) {
                String rest = String.join(" ", words.subList(n, words.size()));
                return rest.isEmpty() ? to : to + " " + rest;
            }
        }
        return null;
    }

    /** Every company a manufacturer string names, resolved. */
    public List<Resolved> companies(String name) {
        if (name == null) {
            return List.of();
        }
        if (companiesCache.size() > 100_000) {
            companiesCache.clear();
        }
        return companiesCache.computeIfAbsent(name, this::resolveCompanies);
    }

    private List<Resolved> resolveCompanies(String name) {
        List<Resolved> out = new ArrayList<>();
        for (String k : ManufacturerNames.keys(name)) {
            Resolved r = resolve(k);
            if (out.stream().noneMatch(o -> o.key().equals(r.key()))) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** The index heads (first word of each canonical key) of a manufacturer string. */
    public Set<String> heads(String name) {
        Set<String> heads = new LinkedHashSet<>();
        companies(name).forEach(r -> heads.addAll(r.heads()));
        return heads;
    }

    /**
     * Why a device's manufacturer is the advisory's vendor, or null when they are different companies. Keys match
     * when equal or when one is the other plus more words ("innokas" / "innokas yhtymae"), never on a shared
     * first word alone ("fresenius kabi" / "fresenius care").
     */
    public String sameCompany(String manufacturer, String vendor) {
        if (manufacturer == null || vendor == null) {
            return null;
        }
        if (sameCache.size() > 100_000) {
            sameCache.clear();
        }
        return sameCache.computeIfAbsent(manufacturer + '\u0001' + vendor,
                k -> java.util.Optional.ofNullable(compareCompanies(manufacturer, vendor))).orElse(null);
    }

    private String compareCompanies(String manufacturer, String vendor) {
        for (Resolved d : companies(manufacturer)) {
            for (Resolved v : companies(vendor)) {
                if (related(d.key(), v.key())) {
                    String how = manufacturer.strip().equalsIgnoreCase(vendor.strip()) ? "same name"
                            : d.viaAlias() || v.viaAlias() ? "alias" : "name variant";
                    return "manufacturer '" + manufacturer.strip() + "' = vendor '" + vendor.strip() + "' (" + how + ")";
                }
            }
        }
        return null;
    }

    static boolean related(String a, String b) {
        return close(a, b) || close(plain(a), plain(b));
    }

    private static boolean close(String a, String b) {
        return a.equals(b) || a.startsWith(b + " ") || b.startsWith(a + " ")
                || a.replace(" ", "").equals(b.replace(" ", ""));
    }

    /** "oessur" (Össur) = "ossur": an umlaut spelled out on one side and dropped on the other. */
    private static String plain(String s) {
        return s.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    }

    private volatile Map<String, Set<String>> wordsByCompany;

    /**
     * The words that name this company or any of its brands and former companies, on either side of a comparison
     * ("Welch Allyn" and "Hillrom" for Baxter, "Alaris", "Pyxis" and "CareFusion" for BD). They say who made a
     * product, not which product it is.
     */
    public Set<String> companyWords(String name) {
        Set<String> out = new java.util.HashSet<>(ProductText.tokens(name));
        Map<String, Set<String>> byCompany = wordsByCompany();
        for (Resolved r : companies(name)) {
            out.addAll(Arrays.asList(r.key().split(" ")));
            out.addAll(byCompany.getOrDefault(r.key(), Set.of()));
        }
        out.remove("");
        return out;
    }

    private Map<String, Set<String>> wordsByCompany() {
        Map<String, Set<String>> m = wordsByCompany;
        if (m == null) {
            m = new HashMap<>();
            for (String alias : aliases.keySet()) {
                String canonical = resolve(alias).key();
                Set<String> words = m.computeIfAbsent(canonical, k -> new java.util.HashSet<>());
                words.addAll(Arrays.asList(alias.split(" ")));
                words.addAll(Arrays.asList(canonical.split(" ")));
            }
            wordsByCompany = m;
        }
        return m;
    }

    /**
     * Companies whose alias or brand is written inside a model or product text ("Alaris Gateway Workstation" names
     * BD's Alaris): a hospital that writes the former owner in the manufacturer field still names today's brand.
     */
    public List<Resolved> brandsIn(String text) {
        List<String> tokens = ProductText.tokens(text);
        List<Resolved> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int n = Math.min(3, tokens.size() - i); n >= 1; n--) {
                String run = String.join(" ", tokens.subList(i, i + n));
                if (aliases.containsKey(run) && run.length() >= 4) {
                    Resolved r = resolve(run);
                    if (out.stream().noneMatch(o -> o.key().equals(r.key()))) {
                        out.add(r);
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** Why a brand written in the model text belongs to the vendor, or null. */
    public String brandOf(String model, String vendor) {
        for (Resolved b : brandsIn(model)) {
            for (Resolved v : companies(vendor)) {
                if (related(b.key(), v.key())) {
                    return "model names the brand of vendor '" + vendor.strip() + "'";
                }
            }
        }
        return null;
    }

    /** Models this device is also sold as (Epsimed MN-120 → "CMS8000"), for the given manufacturer. */
    public List<String> relabels(String manufacturer, String model) {
        List<String> out = new ArrayList<>();
        Set<String> tokens = new LinkedHashSet<>(ProductText.runs(ProductText.tokens(model)));
        for (ModelAlias m : models) {
            if (sameCompany(manufacturer, m.manufacturer()) == null) {
                continue;
            }
            String wanted = String.join("", ProductText.tokens(m.model()));
            if (tokens.contains(wanted)) {
                out.add(m.asModel());
            }
        }
        return out;
    }

    /** Model aliases whose target is this company, read the other way round (Contec CMS8000 → Epsimed MN-120). */
    public List<ModelAlias> models() {
        return models;
    }
}
