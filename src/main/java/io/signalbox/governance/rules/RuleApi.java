package io.signalbox.governance.rules;

import io.signalbox.governance.rules.RuleViews.RuleView;
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

    @Inject
    ClassificationVocabularyService vocabulary;

    /** What the council sends to define an alias: the level it stands for, e.g. {"classification": "confidential"}. */
    public record AliasDefinition(String classification) {}

    /** Every rule, in the council's order: a bare list, as long as the checks the code carries (not paged). */
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

    /** The classification levels and the council's aliases for them. */
    @GET
    @Path("/classifications")
    public ClassificationVocabularyService.VocabularyView classifications() {
        return vocabulary.vocabulary();
    }

    /**
     * Defines an alias, or points it at another level: 201 when new, 200 otherwise, with the alias as it stands.
     * Council only.
     */
    @PUT
    @Path("/classifications/aliases/{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response defineAlias(@PathParam("alias") String alias, AliasDefinition definition) {
        caller.refuseUnlessCouncil("change the classification vocabulary");
        ClassificationVocabularyService.AliasChange change =
                vocabulary.define(alias, definition == null ? null : definition.classification(), caller.name());
        return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(change.alias())
                .build();
    }

    /** Removes an alias: 204; 404 when there is none. Council only. */
    @DELETE
    @Path("/classifications/aliases/{alias}")
    public Response removeAlias(@PathParam("alias") String alias) {
        caller.refuseUnlessCouncil("change the classification vocabulary");
        vocabulary.remove(alias, caller.name());
        return Response.noContent().build();
    }

    /**
     * The rule-set history, newest first: a page ({@code {"items", "next"}}, web.Paging: {@code size} 1 to 200,
     * default 50).
     */
    @GET
    @Path("/rule-sets")
    public Response ruleSets(
            @QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest page = Paging.request(after, size, RuleQueries.DEFAULT_SIZE, RuleQueries.MAX_SIZE, 1);
        return queries.ruleSets(page, uri.getPath()).answer();
    }
}
