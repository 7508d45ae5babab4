package org.vigil.inventory.importing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.vigil.api.ApiException;
import org.vigil.tenancy.Caller;

/** The hospital's saved column mapping for device imports: {@code {"mapping": {"Serial No": "serialNumber"}}}. */
@Path("/api/v1/import-mapping")
public class ImportMappingResource {

    /** PUT body. */
    public record Body(Map<String, String> mapping) {
    }

    private final ImportMappingService mappings;
    private final Caller caller;

    public ImportMappingResource(ImportMappingService mappings, Caller caller) {
        this.mappings = mappings;
        this.caller = caller;
    }

    @GET
    public ImportMappingService.View get() {
        return mappings.get(caller.hospitalId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportMappingService.View put(Body body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON object {\"mapping\": {\"<column>\": \"<field>\"}} is required",
                    java.util.List.of());
        }
        return mappings.put(caller.hospitalId(), body.mapping(), caller.actor());
    }

    @DELETE
    public Response delete() {
        mappings.delete(caller.hospitalId());
        return Response.noContent().build();
    }
}
