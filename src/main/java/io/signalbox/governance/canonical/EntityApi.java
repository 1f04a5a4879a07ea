package io.signalbox.governance.canonical;

import io.signalbox.governance.canonical.EntityViews.EntitySummary;
import io.signalbox.governance.canonical.EntityViews.EntityView;
import io.signalbox.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

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

    @GET
    public List<EntitySummary> entities() {
        return queries.entities();
    }

    @GET
    @Path("/{name}")
    public EntityView entity(@PathParam("name") String name) {
        return queries.entity(name);
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
        return queries.entity(name);
    }
}
