package io.signalbox.governance.glossary;

import io.signalbox.catalog.model.Domain;
import io.signalbox.governance.GovernanceQueries;
import io.signalbox.governance.GovernanceViews;
import io.signalbox.identity.Caller;
import io.signalbox.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A domain's dictionary as JSON; its owners and the council define and remove terms. */
@Path("/api/domains/{key}/glossary")
@Produces(MediaType.APPLICATION_JSON)
public class GlossaryApi {

    @Inject
    GlossaryService glossary;

    @Inject
    GovernanceQueries queries;

    @Inject
    Caller caller;

    @GET
    public List<GovernanceViews.TermView> terms(@PathParam("key") String key) {
        Domain domain = Domain.existing(key);
        return GlossaryTerm.ofDomain(domain.id).stream().map(queries::term).toList();
    }

    /** Defines or redefines a term: {"definition": "…", "canonical": "Service", "lockVersion": 0}. */
    @PUT
    @Path("/{term}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response define(
            @PathParam("key") String key, @PathParam("term") String term, GlossaryService.TermDraft draft) {
        refuseUnlessKeeper(caller, key);
        GlossaryService.Defined defined = glossary.define(
                key, term, draft == null ? new GlossaryService.TermDraft(null, null, null) : draft, caller.name());
        return Response.status(defined.created() ? 201 : 200)
                .entity(queries.term(defined.term()))
                .build();
    }

    @DELETE
    @Path("/{term}")
    public Response remove(@PathParam("key") String key, @PathParam("term") String term) {
        refuseUnlessKeeper(caller, key);
        glossary.remove(key, term, caller.name());
        return Response.noContent().build();
    }

    /** A domain's owners keep its glossary; the council may too, to link terms to the canonical model. */
    static void refuseUnlessKeeper(Caller caller, String domainKey) {
        Domain.existing(domainKey);
        if (!caller.owns(domainKey) && !caller.isCouncil()) {
            throw ProblemException.forbidden(
                    "Only owners of domain '" + domainKey + "' and the governance council may change its glossary.");
        }
    }
}
