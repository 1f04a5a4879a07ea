package io.signalbox.governance.canonical;

import io.signalbox.governance.canonical.EntityViews.EntityView;
import io.signalbox.identity.Caller;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Urls;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The canonical entities as JSON; decisions and changes are the council's alone. */
@Path("/api/governance/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityApi {

    @Inject
    EntityQueries queries;

    @Inject
    CanonicalModelService model;

    @Inject
    Caller caller;

    /**
     * The entities by name, each with its count of implementing products: a page ({@code {"items", "next"}},
     * web.Paging: {@code size} 1 to 200, default 50).
     */
    @GET
    public Response entities(
            @QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest page = Paging.request(after, size, EntityQueries.DEFAULT_SIZE, EntityQueries.MAX_SIZE, 1);
        return queries.entities(page, uri.getPath()).answer();
    }

    /**
     * One entity, bounded: counts per domain, the first page of implementations and of mapped columns (their {@code
     * next} links lead to the two lists below), the latest decisions and revisions.
     */
    @GET
    @Path("/{name}")
    public EntityView entity(@PathParam("name") String name) {
        return view(name);
    }

    /**
     * The live products implementing the entity, most recently changed first, then by key: a page (web.Paging, {@code
     * size} 1 to 200, default 50), each with the canonical attributes it maps.
     */
    @GET
    @Path("/{name}/implementations")
    public Response implementations(
            @PathParam("name") String name,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest page = Paging.request(after, size, EntityQueries.DEFAULT_SIZE, EntityQueries.MAX_SIZE, 2);
        return queries.implementations(name, page, uri.getPath()).answer();
    }

    /**
     * The columns of live products mapped to the entity, by product key, table and column: a page (web.Paging, {@code
     * size} 1 to 200, default 50).
     */
    @GET
    @Path("/{name}/columns")
    public Response columns(
            @PathParam("name") String name,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest page = Paging.request(after, size, EntityQueries.DEFAULT_SIZE, EntityQueries.MAX_SIZE, 3);
        return queries.columns(name, page, uri.getPath()).answer();
    }

    private EntityView view(String name) {
        String api = "/api/governance/entities/" + Urls.urlEncoded(name);
        return queries.entity(
                name,
                Paging.request(null, null, EntityQueries.DEFAULT_SIZE, EntityQueries.MAX_SIZE, 2),
                api + "/implementations",
                api + "/columns");
    }

    /** Records a decision about an entity (council): {"title", "context", "decision", "consequences", "status"}. */
    @POST
    @Path("/{name}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordDecision(@PathParam("name") String name, CanonicalModelService.DecisionDraft draft) {
        caller.refuseUnlessCouncil("record decisions about canonical entities");
        DecisionRecord record = model.recordDecision(
                name,
                draft == null ? new CanonicalModelService.DecisionDraft(null, null, null, null, null, null) : draft,
                caller.name());
        return Response.status(Response.Status.CREATED)
                .entity(EntityViews.DecisionView.of(record))
                .build();
    }

    /**
     * Changes an entity's shape under an accepted decision (council): the whole attribute list, identifier format and
     * example, lifecycle vocabulary, "decision": its id, and the lockVersion read.
     */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public EntityView change(@PathParam("name") String name, CanonicalModelService.EntityChange change) {
        caller.refuseUnlessCouncil("change canonical entities");
        model.change(
                name,
                change == null
                        ? new CanonicalModelService.EntityChange(null, null, null, null, null, null, null)
                        : change,
                caller.name());
        return view(name);
    }
}
