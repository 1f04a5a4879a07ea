package io.signalbox.governance;

import io.signalbox.governance.GovernanceViews.EntitySummary;
import io.signalbox.governance.GovernanceViews.EntityView;
import io.signalbox.governance.GovernanceViews.RuleSetView;
import io.signalbox.governance.GovernanceViews.RuleView;
import io.signalbox.governance.canonical.CanonicalModelService;
import io.signalbox.governance.canonical.DecisionRecord;
import io.signalbox.governance.compliance.ComplianceDashboard;
import io.signalbox.governance.rules.RuleService;
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

/** The council's rules and canonical entities as JSON; rule changes are the council's alone. */
@Path("/api/governance")
@Produces(MediaType.APPLICATION_JSON)
public class GovernanceApi {

    @Inject
    GovernanceQueries queries;

    @Inject
    RuleService rules;

    @Inject
    Caller caller;

    @GET
    @Path("/rules")
    public List<RuleView> rules() {
        return queries.rules();
    }

    @GET
    @Path("/rules/{id}")
    public RuleView rule(@PathParam("id") String id) {
        return queries.rule(id);
    }

    /** Changes a rule's severity and parameters: {"severity": "warning", "parameters": {…}, "lockVersion": 0}. */
    @PUT
    @Path("/rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleView change(@PathParam("id") String id, RuleService.RuleChange change) {
        caller.refuseUnlessCouncil("change the governance rules");
        rules.change(id, change == null ? new RuleService.RuleChange(null, null, null) : change, caller.name());
        return queries.rule(id);
    }

    @Inject
    ComplianceDashboard compliance;

    /** Compliance per domain and per rule, the trend, what to fix first, and untagged columns. */
    @GET
    @Path("/compliance")
    public ComplianceDashboard.Dashboard compliance() {
        return compliance.dashboard();
    }

    @GET
    @Path("/rule-sets")
    public List<RuleSetView> ruleSets() {
        return queries.ruleSets();
    }

    @GET
    @Path("/entities")
    public List<EntitySummary> entities() {
        return queries.entities();
    }

    @GET
    @Path("/entities/{name}")
    public EntityView entity(@PathParam("name") String name) {
        return queries.entity(name);
    }

    @Inject
    CanonicalModelService model;

    /** Records a decision about an entity (council): {"title", "context", "decision", "consequences", "status"}. */
    @POST
    @Path("/entities/{name}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordDecision(@PathParam("name") String name, CanonicalModelService.DecisionDraft draft) {
        caller.refuseUnlessCouncil("record decisions about canonical entities");
        DecisionRecord record = model.recordDecision(
                name,
                draft == null ? new CanonicalModelService.DecisionDraft(null, null, null, null, null, null) : draft,
                caller.name());
        return Response.status(Response.Status.CREATED)
                .entity(GovernanceViews.DecisionView.of(record))
                .build();
    }

    /**
     * Changes an entity's shape under an accepted decision (council): the whole attribute list, identifier format and
     * example, lifecycle vocabulary, "decision": its id, and the lockVersion read.
     */
    @PUT
    @Path("/entities/{name}")
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
