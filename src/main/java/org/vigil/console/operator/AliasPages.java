package org.vigil.console.operator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.api.ApiException;
import org.vigil.console.ConsoleErrors;
import org.vigil.console.FieldErrors;
import org.vigil.matching.company.AliasService;
import org.vigil.tenancy.Caller;

/** Operator: manufacturer aliases (built-in, from the aliases file, and the operator's own, which can be removed). */
@Path("/ui/operator/aliases")
@Produces(MediaType.TEXT_HTML)
public class AliasPages {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance aliases(List<AliasService.AliasView> aliases, String alias, String canonical,
                FieldErrors errors, String notice);
    }

    private final AliasService aliases;
    private final Caller caller;

    public AliasPages(AliasService aliases, Caller caller) {
        this.aliases = aliases;
        this.caller = caller;
    }

    @GET
    public TemplateInstance list() {
        caller.requireOperator();
        return Templates.aliases(aliases.list(), null, null, FieldErrors.none(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String alias, @RestForm String canonical) {
        caller.requireOperator();
        try {
            AliasService.Change change = aliases.add(new AliasService.AliasInput(alias, canonical), caller.actor());
            return Response.status(201).entity(Templates.aliases(aliases.list(), null, null, FieldErrors.none(),
                    "Added '" + change.alias().alias() + "' = '" + change.alias().canonical() + "'; "
                            + "the companies it moves are being re-matched (run " + change.rematch().id() + ").")).build();
        } catch (ApiException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            return Response.status(e.status()).entity(Templates.aliases(aliases.list(), alias, canonical,
                    FieldErrors.of(e, List.of("alias", "canonical")), null)).build();
        }
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance delete(@PathParam("id") UUID id) {
        caller.requireOperator();
        AliasService.Change change = aliases.delete(id, caller.actor());
        return Templates.aliases(aliases.list(), null, null, FieldErrors.none(), "Removed '" + change.alias().alias()
                + "'; the companies it moved are being re-matched (run " + change.rematch().id() + ").");
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
