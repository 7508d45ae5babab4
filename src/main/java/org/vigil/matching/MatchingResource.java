package org.vigil.matching;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.tenancy.Caller;

/** Operator: re-index and re-match everything (after an upgrade of the matching rules), as a background run. */
@Path("/api/v1/matching")
public class MatchingResource {

    private final MatchingRuns runs;
    private final Caller caller;

    public MatchingResource(MatchingRuns runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    /** Queues a full re-match: 202 with the run and its Location. */
    @POST
    @Path("/rematch")
    public Response rematch() {
        caller.requireOperator();
        MatchingRun run = runs.startFull(caller.actor());
        return Response.accepted(MatchingRunView.of(run)).location(URI.create("/api/v1/matching/runs/" + run.id)).build();
    }

    /** The re-match runs (full and alias), newest first, paged like every list (over the last 500). */
    @GET
    @Path("/runs")
    public Page<MatchingRunView> list(@BeanParam PageRequest page) {
        caller.requireOperator();
        page.validated();
        return page.slice(runs.recent(PageRequest.MAX_SIZE).stream().map(MatchingRunView::of).toList());
    }

    @GET
    @Path("/runs/{id}")
    public MatchingRunView run(@PathParam("id") UUID id) {
        caller.requireOperator();
        return runs.find(id).map(MatchingRunView::of).orElseThrow(() -> ApiException.notFound("Matching run " + id));
    }
}
