package org.vigil.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * List query parameters, read the same way on every endpoint: one value or a comma list ({@code severity=HIGH,CRITICAL}),
 * case-insensitive, blanks ignored; a value that is not one of the allowed ones is a 400 naming the parameter and the
 * allowed values.
 */
public final class QueryLists {

    private QueryLists() {
    }

    /** The distinct values, in the order given; empty when the parameter is absent or blank. */
    public static <E extends Enum<E>> List<E> enums(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<E> out = new LinkedHashSet<>();
        for (String s : value.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(parameter, "'" + s.strip() + "' is not one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                        + " (several: comma-separated)");
            }
        }
        return new ArrayList<>(out);
    }

    /** "?, ?, ?" for an SQL IN list of n values. */
    public static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
