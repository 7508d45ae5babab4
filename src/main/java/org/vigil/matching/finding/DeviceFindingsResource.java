package org.vigil.matching.finding;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.tenancy.Caller;

/** {@code GET /api/v1/devices/{id}/findings}: kept in matching so the inventory package does not depend on it. */
@Path("/api/v1/devices/{id}/findings")
public class DeviceFindingsResource {

    private final FindingService findings;
    private final Caller caller;

    public DeviceFindingsResource(FindingService findings, Caller caller) {
        this.findings = findings;
        this.caller = caller;
    }

    @GET
    public Page<FindingView> list(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return findings.forDevice(caller.hospitalId(), id, page.validated());
    }
}
