package org.vigil.matching.explain;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.vigil.tenancy.Caller;

/** {@code GET /api/v1/devices/{id}/explain?advisoryId=}: why this device is or is not affected by that advisory. */
@Path("/api/v1/devices/{id}/explain")
public class ExplainResource {

    private final ExplainService explain;
    private final Caller caller;

    public ExplainResource(ExplainService explain, Caller caller) {
        this.explain = explain;
        this.caller = caller;
    }

    @GET
    public Explanation explain(@PathParam("id") UUID id, @QueryParam("advisoryId") String advisoryId) {
        return explain.explain(caller.hospitalId(), id, advisoryId);
    }
}
