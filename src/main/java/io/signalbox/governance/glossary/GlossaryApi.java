package io.signalbox.governance.glossary;

import io.signalbox.identity.Caller;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A domain's dictionary as JSON; its owners and the council define and remove terms. */
@Path("/api/domains/{key}/glossary")
@Produces(MediaType.APPLICATION_JSON)
public class GlossaryApi {

    @Inject
    GlossaryService glossary;

    @Inject
    Caller caller;

    /**
     * One page of the domain's terms, alphabetically: {@code {"items": [...], "next": "..."}} (web.Paging; {@code
     * size} 1 to 200, default 50; {@code after} the previous page's cursor).
     */
    @GET
    public Response terms(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest page = Paging.request(after, size, GlossaryService.DEFAULT_SIZE, GlossaryService.MAX_SIZE, 1);
        return glossary.terms(key, page, uri.getPath(), uri.getQueryParameters())
                .answer();
    }

    /** Defines or redefines a term: {"definition": "…", "canonical": "Service", "lockVersion": 0}. */
    @PUT
    @Path("/{term}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response define(
            @PathParam("key") String key, @PathParam("term") String term, GlossaryService.TermDraft draft) {
        glossary.refuseUnlessKeeper(caller, key);
        GlossaryService.Defined defined = glossary.define(
                key, term, draft == null ? new GlossaryService.TermDraft(null, null, null) : draft, caller.name());
        return Response.status(defined.created() ? 201 : 200)
                .entity(GlossaryService.view(defined.term(), key))
                .build();
    }

    @DELETE
    @Path("/{term}")
    public Response remove(@PathParam("key") String key, @PathParam("term") String term) {
        glossary.refuseUnlessKeeper(caller, key);
        glossary.remove(key, term, caller.name());
        return Response.noContent().build();
    }
}
