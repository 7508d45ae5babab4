package org.vigil.inventory.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column feeds which device field, decided once per file from its header row: a mapping the client sent
 * with the request wins, then the hospital's saved mapping, then the built-in names ({@link ColumnNames}). When two
 * columns claim one field the more specific is used and the import says so; location columns are combined.
 *
 * @param columns field → the columns (indexes into the header) that feed it, in order
 * @param used field → the column names, as the import result reports them
 */
record ColumnMapping(Map<String, List<Integer>> columns, Map<String, String> used, List<String> ignored,
        List<String> notes) {

    private record Claim(int index, String name, int rank) {
    }

    /**
     * @param explicit column name → field ("" to ignore), from the request; every named column must exist
     * @param saved the same, saved by the hospital; columns absent from this file are fine
     */
    static ColumnMapping resolve(List<String> header, Map<String, String> explicit, Map<String, String> saved) {
        Map<String, String> request = byKey(explicit);
        Map<String, String> stored = byKey(saved);
        List<String> keys = header.stream().map(ColumnNames::key).toList();
        for (String column : explicit.keySet()) {
            if (!keys.contains(ColumnNames.key(column))) {
                throw new ImportFormatException(1, "the mapping names column '" + column + "', which the header "
                        + "row does not have; its columns are: " + String.join(", ", header));
            }
        }
        Map<String, List<Claim>> claims = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String key = keys.get(i);
            String field;
            int rank;
            if (request.containsKey(key) || stored.containsKey(key)) {
                // -2 request, -1 saved: always more specific than a built-in name
                field = request.containsKey(key) ? request.get(key) : stored.get(key);
                rank = request.containsKey(key) ? -2 : -1;
            } else {
                var builtIn = ColumnNames.builtIn(name);
                field = builtIn.map(Map.Entry::getKey).orElse(null);
                rank = builtIn.map(Map.Entry::getValue).orElse(0);
            }
            if (field == null || field.isEmpty()) {
                if (!name.isEmpty()) {
                    ignored.add(name);
                }
                continue;
            }
            claims.computeIfAbsent(field, f -> new ArrayList<>()).add(new Claim(i, name, rank));
        }
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        Map<String, String> used = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        claims.forEach((field, list) -> {
            if (field.equals("location") && list.size() > 1) {
                list.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
                columns.put(field, list.stream().map(Claim::index).toList());
                used.put(field, String.join(" + ", list.stream().map(Claim::name).toList()));
                notes.add("location is combined from " + quoted(list) + ", values joined with ' / '");
                return;
            }
            Claim best = list.stream().min((a, b) -> Integer.compare(a.rank(), b.rank())).orElseThrow();
            columns.put(field, List.of(best.index()));
            used.put(field, best.name());
            if (list.size() > 1) {
                List<Claim> others = list.stream().filter(c -> c != best).toList();
                others.forEach(c -> ignored.add(c.name()));
                notes.add(quoted(list) + " all map to " + field + ": used '" + best.name() + "'"
                        + (best.rank() >= 0 ? " (the more specific name)" : " (as mapped)") + "; to use another, send "
                        + "?map=" + others.get(0).name() + ":" + field);
            }
        });
        return new ColumnMapping(columns, used, ignored, notes);
    }

    /** The value of a field in one row (joined with " / " for combined columns), or null when blank. */
    String value(List<String> row, String field) {
        List<Integer> indexes = columns.get(field);
        if (indexes == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i : indexes) {
            String v = i < row.size() ? row.get(i) : null;
            if (v != null && !v.isBlank()) {
                parts.add(unescape(v.strip()));
            }
        }
        return parts.isEmpty() ? null : String.join(" / ", parts);
    }

    /** Vigil's CSV export writes '+H123… as '+H123… so that Excel shows it instead of running it as a formula. */
    private static String unescape(String v) {
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }

    /** API field → the file's column names, for messages ("Model Number: is required"). */
    Map<String, String> fieldNames() {
        return used;
    }

    private static Map<String, String> byKey(Map<String, String> mapping) {
        Map<String, String> out = new HashMap<>();
        mapping.forEach((column, field) -> out.put(ColumnNames.key(column), field));
        return out;
    }

    private static String quoted(List<Claim> claims) {
        return String.join(", ", claims.stream().map(c -> "'" + c.name() + "'").toList());
    }
}
