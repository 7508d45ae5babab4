package org.vigil.api;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The media types the resource methods at a path accept, for the 415 answer ("accepts application/json"). Read from
 * the resource classes' annotations (JAX-RS resources are CDI beans in Quarkus) once, on the first 415.
 */
final class AcceptedTypes {

    private record Route(String httpMethod, Pattern path, List<String> consumes) {
    }

    private static volatile List<Route> routes;

    private AcceptedTypes() {
    }

    /** The types accepted for this method and path; empty when unknown. */
    static Set<String> at(String httpMethod, String path) {
        Set<String> out = new LinkedHashSet<>();
        for (Route r : routes()) {
            if (r.httpMethod().equals(httpMethod) && r.path().matcher(trim(path)).matches()) {
                out.addAll(r.consumes());
            }
        }
        return out;
    }

    private static List<Route> routes() {
        List<Route> list = routes;
        if (list == null) {
            list = new ArrayList<>();
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    String http = httpMethod(m);
                    Consumes consumes = m.getAnnotation(Consumes.class);
                    if (http == null || consumes == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    String template = trim(base.value() + (sub == null ? "" : "/" + sub.value()));
                    list.add(new Route(http, Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")),
                            List.of(consumes.value())));
                }
            }
            routes = list;
        }
        return list;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static String trim(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
