package org.vigil.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vigil.api.ProblemDetail;
import org.vigil.tenancy.ApiKey;
import org.vigil.tenancy.ApiKeyService;

/**
 * Puts the management endpoints behind the operator key when {@code vigil.management.protect} is true. They are
 * Vert.x routes, not REST resources, so the REST {@code AuthFilter} never sees them: this handler runs first on the
 * main router, on the normalized path (so {@code /q/health/live/../../metrics} is {@code /q/metrics}), and looks the
 * key up off the event loop because a key not yet remembered needs the database.
 */
@ApplicationScoped
public class ManagementGuard {

    /** Before every route Quarkus registers, the non-application ones included. */
    static final int ORDER = Integer.MIN_VALUE + 100;

    private final ManagementConfig config;
    private final ApiKeyService keys;
    private final ObjectMapper json;
    private final String prefix;

    public ManagementGuard(ManagementConfig config, ApiKeyService keys, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String nonApplication) {
        this.config = config;
        this.keys = keys;
        this.json = json;
        this.prefix = prefix(rootPath, nonApplication);
    }

    /** {@code /q/} for the defaults; an absolute non-application path ignores the root path, as Quarkus does. */
    static String prefix(String rootPath, String nonApplication) {
        String root = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        String path = nonApplication.startsWith("/") ? nonApplication : root + nonApplication;
        return path.endsWith("/") ? path : path + "/";
    }

    void install(@Observes Router router) {
        if (!config.protect()) {
            return;
        }
        Set<String> open = Set.copyOf(config.openPaths());
        router.route().order(ORDER).handler(ctx -> {
            String path = ctx.normalizedPath().replaceAll("/{2,}", "/");
            if (!(path + "/").startsWith(prefix) || open.contains(path)) {
                ctx.next();
                return;
            }
            String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
                refuse(ctx, path, 401, "Unauthorized", "Management endpoints need the operator key"
                        + " (Authorization: Bearer <key>)");
                return;
            }
            String presented = header.substring(7).trim();
            ctx.vertx().executeBlocking(() -> role(presented), false).onComplete(result -> {
                if (result.failed()) {
                    ctx.fail(result.cause());
                } else if (result.result().isEmpty()) {
                    refuse(ctx, path, 401, "Unauthorized", "Unknown or revoked API key");
                } else if (result.result().get() != ApiKey.Role.OPERATOR) {
                    refuse(ctx, path, 403, "Forbidden", "Management endpoints need the operator key");
                } else {
                    ctx.next();
                }
            });
        });
    }

    private Optional<ApiKey.Role> role(String presented) {
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            return keys.authenticate(presented).map(k -> k.role);
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    private void refuse(RoutingContext ctx, String path, int status, String title, String detail) {
        var response = ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"vigil\"");
        }
        try {
            response.end(json.writeValueAsString(new ProblemDetail("about:blank", title, status, detail, path,
                    List.of())));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
