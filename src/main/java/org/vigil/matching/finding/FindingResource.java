package org.vigil.matching.finding;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.tenancy.Caller;

@Path("/api/v1/findings")
public class FindingResource {

    private final FindingService findings;
    private final Caller caller;

    public FindingResource(FindingService findings, Caller caller) {
        this.findings = findings;
        this.caller = caller;
    }

    @GET
    public Page<FindingView> list(@QueryParam("state") String state, @QueryParam("severity") String severity,
            @QueryParam("confidence") String confidence, @QueryParam("deviceId") String deviceId,
            @QueryParam("advisoryId") String advisoryId, @QueryParam("since") String since,
            @BeanParam PageRequest page) {
        return findings.list(caller.hospitalId(),
                new FindingService.Filter(state, severity, confidence, uuid(deviceId), advisoryId, since), page.validated());
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw org.vigil.api.ApiException.badField("deviceId", "must be a UUID");
        }
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FindingView triage(@PathParam("id") UUID id, FindingView.Triage input) {
        return findings.triage(caller.hospitalId(), id, input, caller.actor());
    }
}
