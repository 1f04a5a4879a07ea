package io.signalbox.governance.rules;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.governance.rules.RuleViews.RuleSetView;
import io.signalbox.governance.rules.RuleViews.RuleView;
import io.signalbox.identity.Caller;
import io.signalbox.web.ErrorMappers;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules page: every rule's statement, severity, parameters and where it is enforced; council members change
 * severities and parameters here (form token, council role, the lockVersion shown; a refused change is shown beside
 * its rule).
 */
@Path("/governance/rules")
@Produces(MediaType.TEXT_HTML)
public class RulePages {

    @Inject
    RuleQueries queries;

    @Inject
    RuleService ruleService;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @Inject
    ClassificationVocabularyService vocabulary;

    /** A refused change, shown beside the rule it was meant for ({@code ruleId} "vocabulary" for an alias). */
    public record RefusedChange(String ruleId, List<FieldProblem> problems) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(
                List<RuleView> rules,
                Page<RuleSetView> ruleSets,
                boolean mayEdit,
                String changed,
                RefusedChange refusal,
                ClassificationVocabularyService.VocabularyView vocabulary,
                String vocabularyChanged);
    }

    @GET
    public TemplateInstance rules(
            @QueryParam("changed") String changed,
            @QueryParam("alias") String alias,
            @QueryParam("after") String after) {
        return Templates.rules(
                queries.rules(), ruleSets(after), caller.isCouncil(), changed, null, vocabulary.vocabulary(), alias);
    }

    /** A page of the rule-set history (50, newest first), its next link on this page. */
    private Page<RuleSetView> ruleSets(String after) {
        PageRequest page = Paging.request(after, null, RuleQueries.DEFAULT_SIZE, RuleQueries.MAX_SIZE, 1);
        return queries.ruleSets(page, "/governance/rules");
    }

    /** A council member defines an alias (or points it at another level) from the rules page. */
    @POST
    @Path("/aliases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response defineAlias(MultivaluedMap<String, String> form) {
        formTokens.verify(form.getFirst(FormTokens.FIELD));
        caller.refuseUnlessCouncil("change the classification vocabulary");
        ClassificationVocabularyService.AliasChange change;
        try {
            change = vocabulary.define(form.getFirst("alias"), form.getFirst("classification"), caller.name());
        } catch (Refusal.Invalid | Refusal.Conflict refused) {
            return refused("vocabulary", refused);
        }
        return Response.seeOther(URI.create("/governance/rules?alias="
                        + URLEncoder.encode(change.alias().alias(), StandardCharsets.UTF_8)
                        + "#vocabulary"))
                .build();
    }

    /** A council member removes an alias from the rules page. */
    @POST
    @Path("/aliases/{alias}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeAlias(@PathParam("alias") String alias, MultivaluedMap<String, String> form) {
        formTokens.verify(form.getFirst(FormTokens.FIELD));
        caller.refuseUnlessCouncil("change the classification vocabulary");
        vocabulary.remove(alias, caller.name());
        return Response.seeOther(URI.create("/governance/rules#vocabulary")).build();
    }

    /** The page again, with the refused change shown beside the rule ({@code "vocabulary"}: the alias form). */
    private Response refused(String ruleId, Refusal refused) {
        return Response.status(ErrorMappers.statusOf(refused))
                .entity(Templates.rules(
                        queries.rules(),
                        ruleSets(null),
                        true,
                        null,
                        new RefusedChange(ruleId, refused.problems()),
                        vocabulary.vocabulary(),
                        null))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .build();
    }

    /** A council member's change from the rules page: severity, each parameter, and the lockVersion shown. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        formTokens.verify(form.getFirst(FormTokens.FIELD));
        caller.refuseUnlessCouncil("change the governance rules");
        RuleView current = queries.rule(id);
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (RuleViews.Parameter parameter : current.parameterList()) {
            String submitted = form.getFirst("parameter." + parameter.name());
            parameters.put(parameter.name(), parse(submitted, parameter.numeric()));
        }
        Integer lockVersion = parseInteger(form.getFirst("lockVersion"));
        try {
            ruleService.change(
                    id, new RuleService.RuleChange(form.getFirst("severity"), parameters, lockVersion), caller.name());
        } catch (Refusal.Invalid | Refusal.Conflict refused) {
            return refused(id, refused);
        }
        return Response.seeOther(URI.create("/governance/rules?changed=" + id + "#rule-" + id))
                .build();
    }

    private static Object parse(String submitted, boolean numeric) {
        String text = submitted == null ? "" : submitted.strip();
        if (numeric) {
            try {
                double value = Double.parseDouble(text);
                return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
            } catch (NumberFormatException e) {
                return text; // refused by the service as "must be a number"
            }
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Integer parseInteger(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
