package org.vigil.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vigil.api.ApiException;

/**
 * Errors as console pages: the same status and message the API would give, as HTML. Each page class maps its
 * exceptions here with a local {@code @ServerExceptionMapper}, which takes precedence over the API's problem+json.
 */
public final class ConsoleErrors {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    private ConsoleErrors() {
    }

    public static Response page(Throwable e) {
        if (e instanceof ApiException api) {
            String detail = api.status() == 404 ? "There is nothing here, or it belongs to another hospital." : api.getMessage();
            return page(api.status(), api.title(), detail);
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return page(status, status == 404 ? "Not Found" : "Request not accepted",
                    status == 404 ? "There is nothing here, or it belongs to another hospital." : "The request was not accepted.");
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected console error (reference %s)", reference);
        return page(500, "Something went wrong", "Vigil could not show this page; reference " + reference + ".");
    }

    public static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail).render()).build();
    }
}
