package org.vigil.matching.company;

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
import org.vigil.tenancy.Caller;

/** Manufacturer aliases: any key reads them, the operator adds and removes its own. */
@Path("/api/v1/manufacturer-aliases")
public class AliasResource {

    private final AliasService aliases;
    private final Caller caller;

    public AliasResource(AliasService aliases, Caller caller) {
        this.aliases = aliases;
        this.caller = caller;
    }

    /** Built-in entries first, then those of the aliases file, then the operator's; paged like every list. */
    @GET
    public Page<AliasService.AliasView> list(@BeanParam PageRequest page) {
        return page.validated().slice(aliases.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(AliasService.AliasInput input) {
        caller.requireOperator();
        AliasService.Change change = aliases.add(input, caller.actor());
        return Response.created(URI.create("/api/v1/manufacturer-aliases/" + change.alias().id())).entity(change).build();
    }

    @DELETE
    @Path("/{id}")
    public AliasService.Change delete(@PathParam("id") UUID id) {
        caller.requireOperator();
        return aliases.delete(id, caller.actor());
    }
}
