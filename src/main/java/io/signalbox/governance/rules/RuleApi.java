package io.signalbox.governance.rules;

import io.signalbox.governance.rules.RuleViews.RuleSetView;
import io.signalbox.governance.rules.RuleViews.RuleView;
import io.signalbox.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The council's rules as JSON; rule changes are the council's alone. */
@Path("/api/governance")
@Produces(MediaType.APPLICATION_JSON)
public class RuleApi {

    @Inject
    RuleQueries queries;

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

    @GET
    @Path("/rule-sets")
    public List<RuleSetView> ruleSets() {
        return queries.ruleSets();
    }
}
