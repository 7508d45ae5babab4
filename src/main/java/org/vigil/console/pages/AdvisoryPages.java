package org.vigil.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.advisory.AdvisoryQueryService;
import org.vigil.advisory.AdvisoryResource;
import org.vigil.advisory.AdvisoryViews;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.console.ConsoleErrors;
import org.vigil.console.FieldErrors;
import org.vigil.console.Pager;
import org.vigil.ingest.IngestService;

/** The catalogue: search, and one advisory with its products as the source wrote them and its revisions. */
@Path("/ui/advisories")
@Produces(MediaType.TEXT_HTML)
public class AdvisoryPages {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance advisories(Page<AdvisoryViews.Summary> advisories, Pager pager,
                Map<String, String> filter, List<String> sources, FieldErrors errors);

        static native TemplateInstance advisory(AdvisoryViews.Detail advisory);
    }

    private final AdvisoryResource search;
    private final AdvisoryQueryService advisories;
    private final IngestService ingest;

    public AdvisoryPages(AdvisoryResource search, AdvisoryQueryService advisories, IngestService ingest) {
        this.search = search;
        this.advisories = advisories;
        this.ingest = ingest;
    }

    /** Filters are read by the API's own list operation, so they accept and refuse exactly what it does. */
    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("severity") String severity,
            @QueryParam("source") String source, @QueryParam("kev") String kev, @QueryParam("cve") String cve,
            @QueryParam("page") @DefaultValue("0") int page) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("q", q);
        filter.put("severity", severity);
        filter.put("source", source);
        filter.put("kev", kev);
        filter.put("cve", cve);
        Page<AdvisoryViews.Summary> result;
        FieldErrors errors = FieldErrors.none();
        try {
            result = search.list(source, severity, null, q, cve, kev, new PageRequest(Math.max(0, page), FindingPages.PAGE_SIZE));
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            errors = FieldErrors.of(e, List.of("q", "severity", "source", "kev", "cve"));
            result = new Page<>(List.of(), 0, FindingPages.PAGE_SIZE, 0);
        }
        return Templates.advisories(result, Pager.of(result, "/ui/advisories", filter), filter, ingest.sourceNames(), errors);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        return Templates.advisory(advisories.get(id));
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
