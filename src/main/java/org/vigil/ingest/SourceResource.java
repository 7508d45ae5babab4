package org.vigil.ingest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.tenancy.Caller;

@Path("/api/v1/sources")
public class SourceResource {

    private final IngestService ingest;
    private final SourceStatusService statuses;
    private final Caller caller;

    public SourceResource(IngestService ingest, SourceStatusService statuses, Caller caller) {
        this.ingest = ingest;
        this.statuses = statuses;
        this.caller = caller;
    }

    /** Per source: enabled, last run, last success, status, counts and last error. Any key. */
    @GET
    public List<SourceStatus> list() {
        return statuses.all();
    }

    /** Starts a run now (operator); {@code ?full=true} re-reads everything, ignoring the cursor. */
    @POST
    @Path("/{name}/runs")
    public Response start(@PathParam("name") String name, @QueryParam("full") boolean full) {
        caller.requireOperator();
        IngestRun run = ingest.start(name, full);
        return Response.accepted(RunView.of(run))
                .location(URI.create("/api/v1/sources/" + name + "/runs/" + run.id)).build();
    }

    /** The source's runs, newest first, paged. */
    @GET
    @Path("/{name}/runs")
    public Page<RunView> runs(@PathParam("name") String name, @BeanParam PageRequest page) {
        caller.requireOperator();
        page.validated();
        ingest.ingestor(name);
        return statuses.runs(name, page);
    }

    @GET
    @Path("/{name}/runs/{runId}")
    public RunView run(@PathParam("name") String name, @PathParam("runId") UUID runId) {
        caller.requireOperator();
        return ingest.find(name, runId).map(RunView::of)
                .orElseThrow(() -> ApiException.notFound("Run " + runId + " of source " + name));
    }

    public record SourceStatus(String name, boolean enabled, String status, RunView lastRun, Instant lastSuccessAt,
            RunView.Counts counts, String lastError) {
    }
}
