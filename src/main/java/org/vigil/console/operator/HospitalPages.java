package org.vigil.console.operator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.api.ProblemDetail;
import org.vigil.console.ConsoleErrors;
import org.vigil.console.FieldErrors;
import org.vigil.console.Pager;
import org.vigil.tenancy.ApiKey;
import org.vigil.tenancy.ApiKeyService;
import org.vigil.tenancy.Caller;
import org.vigil.tenancy.Hospital;
import org.vigil.tenancy.HospitalResource;
import org.vigil.tenancy.HospitalService;

/** Operator: the hospitals, a new hospital with its first key (shown once), and each hospital's keys. */
@Path("/ui/operator/hospitals")
@Produces(MediaType.TEXT_HTML)
public class HospitalPages {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance hospitals(Page<Hospital> hospitals, Pager pager, String name, String contactEmail,
                FieldErrors errors, HospitalService.Created created);

        static native TemplateInstance hospital(Hospital hospital, List<ApiKey> keys, ApiKeyService.IssuedKey issued);
    }

    private final HospitalService hospitals;
    private final Validator validator;
    private final ApiKeyService keys;
    private final Caller caller;

    public HospitalPages(HospitalService hospitals, Validator validator, ApiKeyService keys, Caller caller) {
        this.hospitals = hospitals;
        this.validator = validator;
        this.keys = keys;
        this.caller = caller;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page) {
        return page(page, null, null, FieldErrors.none(), null);
    }

    private TemplateInstance page(int page, String name, String email, FieldErrors errors, HospitalService.Created created) {
        caller.requireOperator();
        PageRequest request = new PageRequest(Math.max(0, page), 50).validated();
        Page<Hospital> list = request.of(hospitals.list(request), hospitals.count());
        return Templates.hospitals(list, Pager.of(list, "/ui/operator/hospitals", Map.of()), name, email, errors, created);
    }

    /** The API's request record and its bean constraints check the form, so the rules are the API's. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String contactEmail) {
        caller.requireOperator();
        var input = new HospitalResource.NewHospital(name, contactEmail == null || contactEmail.isBlank() ? null
                : contactEmail.strip());
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            var errors = violations.stream().map(v -> new ProblemDetail.FieldError(v.getPropertyPath().toString(),
                    v.getMessage())).toList();
            return Response.status(400).entity(page(0, name, contactEmail,
                    FieldErrors.of(ApiException.badRequest("invalid", errors), List.of("name", "contactEmail")), null)).build();
        }
        var created = hospitals.create(input.name(), input.contactEmail());
        return Response.status(201).entity(page(0, null, null, FieldErrors.none(), created)).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") UUID id) {
        caller.requireOperator();
        return Templates.hospital(hospitals.get(id), keys.listHospitalKeys(id), null);
    }

    @POST
    @Path("/{id}/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance issueKey(@PathParam("id") UUID id) {
        caller.requireOperator();
        Hospital h = hospitals.get(id);
        ApiKeyService.IssuedKey issued = keys.issueHospitalKey(id);
        return Templates.hospital(h, keys.listHospitalKeys(id), issued);
    }

    /** Revoking a key also ends every console session signed in with it. */
    @POST
    @Path("/{id}/keys/{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") UUID id, @PathParam("keyId") UUID keyId) {
        caller.requireOperator();
        hospitals.get(id);
        keys.revoke(id, keyId);
        return Response.seeOther(URI.create("/ui/operator/hospitals/" + id)).build();
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
