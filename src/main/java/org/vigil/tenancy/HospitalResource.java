package org.vigil.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;

@Path("/api/v1/hospitals")
public class HospitalResource {

    private final HospitalService hospitals;
    private final ApiKeyService keys;
    private final Caller caller;

    public HospitalResource(HospitalService hospitals, ApiKeyService keys, Caller caller) {
        this.hospitals = hospitals;
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull NewHospital body) {
        caller.requireOperator();
        HospitalService.Created created = hospitals.create(body.name(), body.contactEmail());
        Hospital h = created.hospital();
        return Response.created(URI.create("/api/v1/hospitals/" + h.id))
                .entity(new CreatedHospital(h.id, h.name, h.contactEmail, h.createdAt, created.key().apiKey(),
                        created.key().prefix()))
                .build();
    }

    @GET
    public Page<HospitalView> list(@BeanParam PageRequest page) {
        caller.requireOperator();
        page.validated();
        return page.of(hospitals.list(page).stream().map(HospitalView::of).toList(), hospitals.count());
    }

    @GET
    @Path("/me")
    public HospitalView me() {
        return HospitalView.of(hospitals.get(caller.hospitalId()));
    }

    @GET
    @Path("/{id}")
    public HospitalView get(@PathParam("id") UUID id) {
        return HospitalView.of(hospitals.get(visible(id)));
    }

    @POST
    @Path("/{id}/api-keys")
    public Response issueKey(@PathParam("id") UUID id) {
        hospitals.get(visible(id));
        ApiKeyService.IssuedKey key = keys.issueHospitalKey(id);
        return Response.status(201).entity(key).build();
    }

    @GET
    @Path("/{id}/api-keys")
    public Page<KeyView> listKeys(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        page.validated();
        hospitals.get(visible(id));
        return page.slice(keys.listHospitalKeys(id).stream()
                .map(k -> new KeyView(k.id, k.prefix, k.createdAt, k.revokedAt)).toList());
    }

    @DELETE
    @Path("/{id}/api-keys/{keyId}")
    public Response revokeKey(@PathParam("id") UUID id, @PathParam("keyId") UUID keyId) {
        hospitals.get(visible(id));
        keys.revoke(id, keyId);
        return Response.noContent().build();
    }

    /** Operators see every hospital; a hospital key sees only its own, and any other id is "not found". */
    private UUID visible(UUID id) {
        if (!caller.isOperator() && !caller.hospitalId().equals(id)) {
            throw ApiException.notFound("Hospital " + id);
        }
        return id;
    }

    public record NewHospital(@NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) String contactEmail) {
    }

    public record CreatedHospital(UUID id, String name, String contactEmail, Instant createdAt, String apiKey,
            String apiKeyPrefix) {
    }

    public record HospitalView(UUID id, String name, String contactEmail, Instant createdAt) {
        static HospitalView of(Hospital h) {
            return new HospitalView(h.id, h.name, h.contactEmail, h.createdAt);
        }
    }

    public record KeyView(UUID id, String prefix, Instant createdAt, Instant revokedAt) {
    }
}
