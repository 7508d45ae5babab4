package org.vigil.matching;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.vigil.tenancy.Caller;

/** Operator: re-index and re-match everything (after an upgrade of the matching rules). */
@Path("/api/v1/matching")
public class MatchingResource {

    private final FullRematch rematch;
    private final Caller caller;

    public MatchingResource(FullRematch rematch, Caller caller) {
        this.rematch = rematch;
        this.caller = caller;
    }

    @POST
    @Path("/rematch")
    public FullRematch.Summary rematch() {
        caller.requireOperator();
        return rematch.all();
    }
}
