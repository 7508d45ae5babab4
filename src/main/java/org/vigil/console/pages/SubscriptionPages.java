package org.vigil.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.console.ConsoleErrors;
import org.vigil.console.FieldErrors;
import org.vigil.console.Pager;
import org.vigil.notification.SubscriptionInput;
import org.vigil.notification.SubscriptionService;
import org.vigil.notification.SubscriptionView;
import org.vigil.notification.outbox.DeliveryService;
import org.vigil.notification.outbox.DeliveryView;
import org.vigil.tenancy.Caller;

/** Email and webhook subscriptions, the test send and the delivery log with redeliver. */
@Path("/ui/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    static final List<String> FIELDS = List.of("name", "channel", "emails", "url", "minSeverity", "minConfidence",
            "eventTypes", "mode", "digestHour", "timeZone", "heartbeat", "sources");

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance subscriptions(Page<SubscriptionView> subscriptions, Page<DeliveryView> deliveries,
                Pager pager, String status, Form form, FieldErrors errors, SubscriptionView created, String notice);
    }

    /** The create form as submitted, so a refused form comes back filled in. */
    public record Form(String name, String channel, String emails, String url, String minSeverity, String minConfidence,
            List<String> eventTypes, String mode, String digestHour, String timeZone) {
        static final Form EMPTY = new Form(null, "EMAIL", null, null, null, null, List.of(), "IMMEDIATE", null, null);

        public boolean wants(String eventType) {
            return eventTypes != null && eventTypes.contains(eventType);
        }
    }

    private final SubscriptionService subscriptions;
    private final DeliveryService deliveries;
    private final Caller caller;

    public SubscriptionPages(SubscriptionService subscriptions, DeliveryService deliveries, Caller caller) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("notice") String notice) {
        return page(status, page, Form.EMPTY, FieldErrors.none(), null, notice);
    }

    private TemplateInstance page(String status, int page, Form form, FieldErrors errors, SubscriptionView created,
            String notice) {
        UUID hospital = caller.hospitalId();
        Page<SubscriptionView> subs = subscriptions.list(hospital, new PageRequest(0, PageRequest.MAX_SIZE));
        Page<DeliveryView> log = deliveries.list(hospital, status, new PageRequest(Math.max(0, page), FindingPages.PAGE_SIZE));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        return Templates.subscriptions(subs, log, Pager.of(log, "/ui/subscriptions", params), status, form, errors,
                created, notices.getOrDefault(notice == null ? "" : notice, null));
    }

    private static final Map<String, String> notices = Map.of("redelivered", "The delivery is queued and goes out at the"
            + " next dispatcher pass.", "deleted", "The subscription was deleted.");

    /** The API's validation, field by field; a webhook's signing secret is shown on the answer page only. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String channel, @RestForm String emails, @RestForm String url,
            @RestForm String minSeverity, @RestForm String minConfidence, @RestForm List<String> eventTypes,
            @RestForm String mode, @RestForm String digestHour, @RestForm String timeZone) {
        Form form = new Form(name, channel, emails, url, minSeverity, minConfidence, eventTypes, mode, digestHour, timeZone);
        boolean email = "EMAIL".equalsIgnoreCase(channel);
        List<String> addresses = emails == null || emails.isBlank() ? List.of()
                : Arrays.stream(emails.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        Integer hour = null;
        if (digestHour != null && !digestHour.isBlank()) {
            try {
                hour = Integer.valueOf(digestHour.strip());
            } catch (NumberFormatException e) {
                hour = -1;
            }
        }
        SubscriptionInput input = new SubscriptionInput(name, channel, email ? addresses : null,
                email || url == null || url.isBlank() ? null : url.strip(), blank(minSeverity), blank(minConfidence),
                null, eventTypes, blank(mode), hour, blank(timeZone), null);
        try {
            SubscriptionView created = subscriptions.create(caller.hospitalId(), input);
            return Response.status(201).entity(page(null, 0, Form.EMPTY, FieldErrors.none(), created, null)).build();
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(page(null, 0, form, FieldErrors.of(e, FIELDS), null, null)).build();
        }
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance test(@PathParam("id") UUID id) {
        DeliveryView d = deliveries.sendTest(caller.hospitalId(), id);
        String outcome = d.status().equals("DELIVERED") ? "The test notification was delivered."
                : "The test notification was not delivered (" + d.status().toLowerCase() + ")"
                        + (d.lastError() == null ? "." : ": " + d.lastError());
        return page(null, 0, Form.EMPTY, FieldErrors.none(), null, null).data("notice", outcome);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(caller.hospitalId(), id);
        return Response.seeOther(URI.create("/ui/subscriptions?notice=deleted")).build();
    }

    @POST
    @Path("/deliveries/{id}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redeliver(@PathParam("id") UUID id) {
        try {
            deliveries.redeliver(caller.hospitalId(), id);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Response.status(409).entity(page(null, 0, Form.EMPTY, FieldErrors.none(), null, null)
                    .data("notice", e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/ui/subscriptions?notice=redelivered")).build();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
