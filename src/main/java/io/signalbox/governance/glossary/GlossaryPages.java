package io.signalbox.governance.glossary;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.catalog.domain.DomainService.DomainRef;
import io.signalbox.identity.Caller;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import io.signalbox.web.Urls;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A domain's dictionary: its own words for things, and the canonical concept each corresponds to. */
@Path("/domains/{key}/glossary")
@Produces(MediaType.TEXT_HTML)
public class GlossaryPages {

    @Inject
    GlossaryService glossary;

    @Inject
    DomainService domains;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    /** What the form shows again after a refusal: the typed values and the problems. */
    public record Draft(String term, String definition, String canonical, List<FieldProblem> problems) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance glossary(
                String domainKey,
                String domainName,
                Page<TermView> terms,
                long termCount,
                boolean mayEdit,
                String saved,
                Draft draft);
    }

    @GET
    public TemplateInstance page(
            @PathParam("key") String key,
            @QueryParam("saved") String saved,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size) {
        DomainRef domain = domains.existing(key);
        PageRequest page = Paging.request(after, size, GlossaryService.DEFAULT_SIZE, GlossaryService.MAX_SIZE, 1);
        return render(domain, saved, new Draft("", "", "", List.of()), page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response define(
            @PathParam("key") String key,
            @FormParam(FormTokens.FIELD) String token,
            @FormParam("term") String term,
            @FormParam("definition") String definition,
            @FormParam("canonical") String canonical) {
        formTokens.verify(token);
        glossary.refuseUnlessKeeper(caller, key);
        DomainRef domain = domains.existing(key);
        try {
            glossary.define(key, term, new GlossaryService.TermDraft(definition, canonical, null), caller.name());
        } catch (Refusal.Invalid refused) {
            return Response.status(422)
                    .entity(render(
                            domain, null, new Draft(term, definition, canonical, refused.problems()), firstPage()))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .build();
        }
        return Response.seeOther(URI.create("/domains/" + key + "/glossary?saved=" + Urls.urlEncoded(term.strip())))
                .build();
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(
            @PathParam("key") String key, @FormParam(FormTokens.FIELD) String token, @FormParam("term") String term) {
        formTokens.verify(token);
        glossary.refuseUnlessKeeper(caller, key);
        glossary.remove(key, term == null ? "" : term, caller.name());
        return Response.seeOther(URI.create("/domains/" + key + "/glossary")).build();
    }

    private static PageRequest firstPage() {
        return Paging.request(null, null, GlossaryService.DEFAULT_SIZE, GlossaryService.MAX_SIZE, 1);
    }

    /** The page of terms asked for; its next link stays on this page. */
    private TemplateInstance render(DomainRef domain, String saved, Draft draft, PageRequest page) {
        Page<TermView> terms = glossary.terms(domain.key(), page, "/domains/" + domain.key() + "/glossary", Map.of());
        boolean mayEdit = caller.owns(domain.key()) || caller.isCouncil();
        return Templates.glossary(
                domain.key(), domain.name(), terms, glossary.termCount(domain.key()), mayEdit, saved, draft);
    }
}
