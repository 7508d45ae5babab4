package org.vigil.inventory;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.vigil.api.Page;
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

    @GET
    public Page<DeviceView> list(@QueryParam("manufacturer") String manufacturer, @QueryParam("q") String q,
            @BeanParam PageRequest page) {
        return devices.list(caller.hospitalId(), manufacturer, q, page.validated());
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
