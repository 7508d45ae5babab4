package org.vigil.matching.finding;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.vigil.api.CsvExport;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.tenancy.Caller;

@Path("/api/v1/findings")
public class FindingResource {

    private final FindingService findings;
    private final FindingTriage triage;
    private final Caller caller;

    public FindingResource(FindingService findings, FindingTriage triage, Caller caller) {
        this.findings = findings;
        this.triage = triage;
        this.caller = caller;
    }

    /**
     * The hospital's findings; {@code state}, {@code severity} and {@code confidence} take one value or a comma list.
     * With {@code Accept: text/csv}: every finding of the filter as a spreadsheet.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    public Response list(@QueryParam("state") String state, @QueryParam("severity") String severity,
            @QueryParam("confidence") String confidence, @QueryParam("deviceId") UUID deviceId,
            @QueryParam("advisoryId") String advisoryId, @QueryParam("since") String since,
            @BeanParam PageRequest page, @Context HttpHeaders headers) {
        UUID hospitalId = caller.hospitalId();
        FindingService.Filter filter = new FindingService.Filter(state, severity, confidence, deviceId, advisoryId,
                since);
        if (CsvExport.wanted(headers)) {
            findings.list(hospitalId, filter, new PageRequest(0, 1));   // a bad filter is a 400 before any byte
            return CsvExport.of("findings.csv", FindingCsv.HEADER, p -> QuarkusTransaction.requiringNew().call(() ->
                    findings.list(hospitalId, filter, new PageRequest(p, CsvExport.PAGE)).items().stream()
                            .map(FindingCsv::row).toList()));
        }
        return Response.ok(findings.list(hospitalId, filter, page.validated()), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    public FindingView get(@PathParam("id") UUID id) {
        return findings.get(caller.hospitalId(), id);
    }

    /** Every triage change of the finding, oldest first: who (key prefix, or "vigil"), when, from, to, why. */
    @GET
    @Path("/{id}/history")
    public Page<FindingChange.View> history(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return triage.history(caller.hospitalId(), id, page.validated());
    }

    /**
     * Triage: {@code {"state": "MITIGATED", "justification": "VLAN 12, ticket BIO-123"}}; either field may be left
     * out (kept as it is); {@code "justification": null} clears it.
     */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FindingView triage(@PathParam("id") UUID id, JsonNode body) {
        UUID hospitalId = caller.hospitalId();
        return triage.apply(hospitalId, id, FindingTriage.parse(body), caller.actor());
    }
}
