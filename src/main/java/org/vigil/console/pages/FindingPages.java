package org.vigil.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.advisory.AdvisoryQueryService;
import org.vigil.advisory.AdvisoryViews;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.console.ConsoleErrors;
import org.vigil.console.FieldErrors;
import org.vigil.console.Pager;
import org.vigil.matching.finding.FindingService;
import org.vigil.matching.finding.FindingState;
import org.vigil.matching.finding.FindingView;
import org.vigil.tenancy.Caller;

/** The findings table ({@code /ui/findings}) and one finding with its evidence and the triage form. */
@Path("/ui/findings")
@Produces(MediaType.TEXT_HTML)
public class FindingPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance findings(Page<FindingView> findings, Pager pager, Map<String, String> filter,
                FieldErrors errors);

        static native TemplateInstance findings$table(Page<FindingView> findings, Pager pager, Map<String, String> filter,
                FieldErrors errors);

        static native TemplateInstance finding(FindingView finding, AdvisoryViews.Detail advisory, FieldErrors errors,
                String notice, Triage form);

        static native TemplateInstance finding$triage(FindingView finding, AdvisoryViews.Detail advisory,
                FieldErrors errors, String notice, Triage form);
    }

    /** What the triage form shows: the state and justification as last submitted. */
    public record Triage(String state, String justification) {
        static Triage of(FindingView f) {
            return new Triage(f.state().name(), f.justification());
        }
    }

    private final FindingService findings;
    private final AdvisoryQueryService advisories;
    private final Caller caller;

    public FindingPages(FindingService findings, AdvisoryQueryService advisories, Caller caller) {
        this.findings = findings;
        this.advisories = advisories;
        this.caller = caller;
    }

    @GET
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("severity") String severity,
            @QueryParam("confidence") String confidence, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") int page, @HeaderParam("HX-Request") String htmx) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("state", state);
        filter.put("severity", severity);
        filter.put("confidence", confidence);
        filter.put("q", q);
        filter.put("sort", sort);
        Page<FindingView> result;
        FieldErrors errors = FieldErrors.none();
        try {
            result = findings.list(caller.hospitalId(),
                    new FindingService.Filter(state, severity, confidence, null, null, null),
                    new FindingService.Listing(q, sort), new PageRequest(Math.max(0, page), PAGE_SIZE).validated());
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            errors = FieldErrors.of(e, List.of("state", "severity", "confidence", "sort"));
            result = new Page<>(List.of(), 0, PAGE_SIZE, 0);
        }
        Pager pager = Pager.of(result, "/ui/findings", filter);
        return htmx != null ? Templates.findings$table(result, pager, filter, errors)
                : Templates.findings(result, pager, filter, errors);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") UUID id) {
        FindingView f = findings.get(caller.hospitalId(), id);
        return Templates.finding(f, advisories.get(f.advisory().id()), FieldErrors.none(), null, Triage.of(f));
    }

    /** The triage form: the same rules as PATCH /api/v1/findings/{id}; a refused field is marked at the field. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response triage(@PathParam("id") UUID id, @FormParam("state") String state,
            @FormParam("justification") String justification, @HeaderParam("HX-Request") String htmx) {
        UUID hospital = caller.hospitalId();
        FindingView before = findings.get(hospital, id);
        AdvisoryViews.Detail advisory = advisories.get(before.advisory().id());
        try {
            FindingView after = findings.triage(hospital, id, new FindingView.Triage(state, justification), caller.actor());
            if (htmx == null) {
                return Response.seeOther(URI.create("/ui/findings/" + id)).build();
            }
            String notice = "State set to " + after.state().name().replace('_', ' ').toLowerCase() + ".";
            return Response.ok(Templates.finding$triage(after, advisory, FieldErrors.none(), notice, Triage.of(after))).build();
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            FieldErrors errors = FieldErrors.of(e, List.of("state", "justification"));
            Triage form = new Triage(state, justification);
            // htmx swaps only 2xx answers by default; a full-page form post gets the honest 400.
            return htmx != null ? Response.ok(Templates.finding$triage(before, advisory, errors, null, form)).build()
                    : Response.status(400).entity(Templates.finding(before, advisory, errors, null, form)).build();
        }
    }

    /** For the templates' select boxes. */
    public static FindingState[] states() {
        return FindingState.values();
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
