package org.vigil.notification.outbox;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.tenancy.Caller;

@Path("/api/v1/deliveries")
public class DeliveryResource {

    private final DeliveryService deliveries;
    private final Caller caller;

    public DeliveryResource(DeliveryService deliveries, Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    public Page<DeliveryView> list(@QueryParam("status") String status, @BeanParam PageRequest page) {
        return deliveries.list(caller.hospitalId(), status, page.validated());
    }

    @GET
    @Path("/{id}")
    public DeliveryView get(@PathParam("id") UUID id) {
        return deliveries.get(caller.hospitalId(), id);
    }

    /** 202: the delivery is queued and goes out at the next dispatcher pass. */
    @POST
    @Path("/{id}/redeliver")
    public Response redeliver(@PathParam("id") UUID id) {
        return Response.accepted(deliveries.redeliver(caller.hospitalId(), id)).build();
    }
}
