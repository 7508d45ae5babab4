package org.vigil.inventory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.vigil.api.CsvExport;
import org.vigil.api.PageRequest;
import org.vigil.tenancy.Caller;

@Path("/api/v1/devices")
public class DeviceResource {

    private final DeviceService devices;
    private final Caller caller;

    public DeviceResource(DeviceService devices, Caller caller) {
        this.devices = devices;
        this.caller = caller;
    }

    /** The hospital's devices, filtered and paged; with {@code Accept: text/csv} every matching device as a CSV. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    public Response list(@QueryParam("manufacturer") String manufacturer, @QueryParam("q") String q,
            @BeanParam PageRequest page, @Context HttpHeaders headers) {
        UUID hospitalId = caller.hospitalId();
        if (CsvExport.wanted(headers)) {
            return CsvExport.of("devices.csv", DeviceCsv.HEADER, p -> QuarkusTransaction.requiringNew().call(() ->
                    devices.list(hospitalId, manufacturer, q, new PageRequest(p, CsvExport.PAGE)).items().stream()
                            .map(DeviceCsv::row).toList()));
        }
        return Response.ok(devices.list(hospitalId, manufacturer, q, page.validated()), MediaType.APPLICATION_JSON)
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(DeviceInput input) {
        DeviceView created = devices.create(caller.hospitalId(), input);
        return Response.created(URI.create("/api/v1/devices/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    public DeviceView get(@PathParam("id") UUID id) {
        return devices.get(caller.hospitalId(), id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceView update(@PathParam("id") UUID id, DeviceInput input) {
        return devices.update(caller.hospitalId(), id, input);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        devices.delete(caller.hospitalId(), id);
        return Response.noContent().build();
    }
}
