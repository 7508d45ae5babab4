package org.vigil.console.operator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.api.ApiException;
import org.vigil.console.ConsoleErrors;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.RunView;
import org.vigil.ingest.SourceResource;
import org.vigil.ingest.SourceStatusService;
import org.vigil.tenancy.Caller;

/** Operator: every source's status, its recent runs with counts and errors, and "run now". */
@Path("/ui/operator/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcePages {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance sources(List<SourceResource.SourceStatus> sources, String notice);

        static native TemplateInstance source(String name, SourceResource.SourceStatus status, List<RunView> runs,
                String notice);
    }

    private final IngestService ingest;
    private final SourceStatusService statuses;
    private final Caller caller;

    public SourcePages(IngestService ingest, SourceStatusService statuses, Caller caller) {
        this.ingest = ingest;
        this.statuses = statuses;
        this.caller = caller;
    }

    @GET
    public TemplateInstance list() {
        caller.requireOperator();
        return Templates.sources(statuses.all(), null);
    }

    @GET
    @Path("/{name}")
    public TemplateInstance detail(@PathParam("name") String name) {
        caller.requireOperator();
        return source(name, null);
    }

    private TemplateInstance source(String name, String notice) {
        ingest.ingestor(name);
        var status = statuses.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        return Templates.source(name, status, statuses.recentRuns(name), notice);
    }

    /** Starts a run in the background, as {@code POST /api/v1/sources/{name}/runs} does; the page lists it at once. */
    @POST
    @Path("/{name}/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("name") String name, @RestForm boolean full) {
        caller.requireOperator();
        try {
            IngestRun run = ingest.start(name, full);
            return Response.seeOther(URI.create("/ui/operator/sources/" + name + "?run=" + run.id)).build();
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Response.status(409).entity(source(name, e.getMessage())).build();
        }
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
