package org.vigil.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses what JAX-RS would silently ignore or turn into a 404, for every {@code /api/} resource method at once
 * (the declared parameters are read from the method, so new resources need nothing): an unknown query parameter
 * ({@code ?sevrity=}, {@code ?limit=}) is a 400 naming it and listing the accepted ones; a single-valued parameter
 * given twice is a 400; a value that does not fit its declared type ({@code ?page=abc}, {@code /devices/not-a-uuid},
 * {@code ?dryRun=yes}) is a 400 naming the parameter instead of JAX-RS's 404.
 */
public class StrictParameters {

    private static final Map<Method, DeclaredParameters> DECLARED = new ConcurrentHashMap<>();

    /** After authentication: a caller without a key learns nothing about parameters. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        DeclaredParameters declared = DECLARED.computeIfAbsent(method, DeclaredParameters::of);
        MultivaluedMap<String, String> given = request.getUriInfo().getQueryParameters();
        List<String> unknown = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!declared.query().containsKey(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw unknown(unknown, declared);
        }
        for (var e : declared.query().entrySet()) {
            List<String> values = given.get(e.getKey());
            if (values == null) {
                continue;
            }
            if (values.size() > 1 && !java.util.Collection.class.isAssignableFrom(e.getValue())) {
                throw ApiException.badField(e.getKey(), "is given " + values.size() + " times; give it once (lists "
                        + "are comma-separated: " + e.getKey() + "=A,B)");
            }
            for (String v : values) {
                typed(e.getKey(), v, e.getValue());
            }
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        declared.path().forEach((name, type) -> {
            String v = path.getFirst(name);
            if (v != null) {
                typed(name, v, type);
            }
        });
    }

    private static ApiException unknown(List<String> unknown, DeclaredParameters declared) {
        List<String> accepted = List.copyOf(declared.query().keySet());
        StringBuilder detail = new StringBuilder("Unknown query parameter" + (unknown.size() > 1 ? "s " : " "));
        detail.append(String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()));
        for (String u : unknown) {
            String near = nearest(u, accepted);
            if (near != null) {
                detail.append(" (did you mean '").append(near).append("'?)");
            }
        }
        detail.append(accepted.isEmpty() ? "; this endpoint takes no query parameters"
                : "; accepted: " + String.join(", ", accepted));
        List<ProblemDetail.FieldError> errors = unknown.stream()
                .map(u -> new ProblemDetail.FieldError(u, "unknown query parameter")).toList();
        return ApiException.badRequest(detail.toString(), errors);
    }

    /** Checks that the value converts to the declared type, the way JAX-RS will convert it. */
    private static void typed(String name, String value, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.strip());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.strip());
            } else if (type == UUID.class) {
                UUID.fromString(value.strip());
            } else if (type == boolean.class || type == Boolean.class) {
                String v = value.strip().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException();
                }
            } else if (type.isEnum()) {
                enumValue(type, value);
            }
        } catch (IllegalArgumentException e) {
            String expected = type == UUID.class ? "a UUID" : type == boolean.class || type == Boolean.class
                    ? "true or false" : type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                    : "a whole number";
            throw ApiException.badField(name, "'" + value + "' is not " + expected);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void enumValue(Class<?> type, String value) {
        Enum.valueOf((Class) type, value.strip());
    }

    /** Names other APIs use for paging. */
    private static final Map<String, String> ALIASES = Map.of("limit", "size", "pagesize", "size", "per_page", "size",
            "perpage", "size", "offset", "page", "start", "page");

    /** The accepted name within edit distance 2 (a typo) or the paging name meant, or null. */
    static String nearest(String name, List<String> accepted) {
        String alias = ALIASES.get(name.toLowerCase(Locale.ROOT));
        if (alias != null && accepted.contains(alias)) {
            return alias;
        }
        String best = null;
        int bestDistance = 3;
        for (String a : accepted) {
            int d = distance(name.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
