package org.vigil.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query and path parameters a resource method declares, with their Java types: on the method's parameters
 * ({@code @QueryParam}, {@code @RestQuery}, {@code @PathParam}, {@code @RestPath}) and inside its {@code @BeanParam}
 * classes (such as {@link PageRequest}). Read once per method by reflection.
 */
record DeclaredParameters(Map<String, Class<?>> query, Map<String, Class<?>> path) {

    static DeclaredParameters of(Method method) {
        Map<String, Class<?>> query = new LinkedHashMap<>();
        Map<String, Class<?>> path = new LinkedHashMap<>();
        for (Parameter p : method.getParameters()) {
            collect(p.getAnnotations(), p.getName(), p.getType(), query, path);
        }
        return new DeclaredParameters(query, path);
    }

    private static void collect(Annotation[] annotations, String javaName, Class<?> type, Map<String, Class<?>> query,
            Map<String, Class<?>> path) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                query.put(q.value(), type);
            } else if (a instanceof RestQuery q) {
                query.put(q.value().isEmpty() ? javaName : q.value(), type);
            } else if (a instanceof PathParam p) {
                path.put(p.value(), type);
            } else if (a instanceof RestPath p) {
                path.put(p.value().isEmpty() ? javaName : p.value(), type);
            } else if (a instanceof BeanParam) {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        collect(f.getAnnotations(), f.getName(), f.getType(), query, path);
                    }
                }
            }
        }
    }
}
