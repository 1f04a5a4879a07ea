package io.signalbox.governance.canonical;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.governance.canonical.EntityViews.EntitySummary;
import io.signalbox.governance.canonical.EntityViews.EntityView;
import io.signalbox.identity.Caller;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Urls;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The canonical entity pages: the list, each entity with its use across domains; council members record decisions. */
@Path("/governance/entities")
@Produces(MediaType.TEXT_HTML)
public class EntityPages {

    @Inject
    EntityQueries queries;

    @Inject
    CanonicalModelService model;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entities(Page<EntitySummary> entities);

        static native TemplateInstance entity(EntityView entity, boolean mayDecide);
    }

    /** The entities by name, a page of 50 with a link to the next (the council keeps few; the page still bounds). */
    @GET
    public TemplateInstance entities(@QueryParam("after") String after) {
        PageRequest page = Paging.request(after, null, EntityQueries.DEFAULT_SIZE, EntityQueries.MAX_SIZE, 1);
        return Templates.entities(queries.entities(page, "/governance/entities"));
    }

    /**
     * One entity: its core, counts per domain, and a page of 50 implementing products ({@code ?after=} the next page's
     * cursor, as its link writes it).
     */
    @GET
    @Path("/{name}")
    public TemplateInstance entity(@PathParam("name") String name, @QueryParam("after") String after) {
        PageRequest page = Paging.request(after, null, EntityQueries.DEFAULT_SIZE, EntityQueries.MAX_SIZE, 2);
        String here = "/governance/entities/" + Urls.urlEncoded(name);
        String api = "/api/governance/entities/" + Urls.urlEncoded(name);
        return Templates.entity(queries.entity(name, page, here, api + "/columns"), caller.isCouncil());
    }

    /** A council member records a decision about an entity from its page. */
    @POST
    @Path("/{name}/decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordDecision(@PathParam("name") String name, MultivaluedMap<String, String> form) {
        formTokens.verify(form.getFirst(FormTokens.FIELD));
        caller.refuseUnlessCouncil("record decisions about canonical entities");
        DecisionRecord record = model.recordDecision(
                name,
                new CanonicalModelService.DecisionDraft(
                        form.getFirst("title"),
                        form.getFirst("context"),
                        form.getFirst("decision"),
                        form.getFirst("consequences"),
                        form.getFirst("status"),
                        null),
                caller.name());
        return Response.seeOther(URI.create("/governance/entities/" + Urls.urlEncoded(name) + "#" + record.reference()))
                .build();
    }
}
