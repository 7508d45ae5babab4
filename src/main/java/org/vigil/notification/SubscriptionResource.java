package org.vigil.notification;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.notification.outbox.DeliveryService;
import org.vigil.notification.outbox.DeliveryView;
import org.vigil.tenancy.Caller;

@Path("/api/v1/subscriptions")
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final DeliveryService deliveries;
    private final Caller caller;

    public SubscriptionResource(SubscriptionService subscriptions, DeliveryService deliveries, Caller caller) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    public Page<SubscriptionView> list(@BeanParam PageRequest page) {
        return subscriptions.list(caller.hospitalId(), page.validated());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SubscriptionInput input) {
        SubscriptionView created = subscriptions.create(caller.hospitalId(), input);
        return Response.created(URI.create("/api/v1/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return subscriptions.get(caller.hospitalId(), id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(caller.hospitalId(), id);
        return Response.noContent().build();
    }

    /** Sends a sample notification through the channel now and answers with the resulting delivery. */
    @POST
    @Path("/{id}/test")
    public DeliveryView test(@PathParam("id") UUID id) {
        return deliveries.sendTest(caller.hospitalId(), id);
    }
}
