package io.signalbox.governance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.governance.GovernanceViews.EntitySummary;
import io.signalbox.governance.GovernanceViews.EntityView;
import io.signalbox.governance.GovernanceViews.RuleSetView;
import io.signalbox.governance.GovernanceViews.RuleView;
import io.signalbox.governance.canonical.CanonicalModelService;
import io.signalbox.governance.canonical.DecisionRecord;
import io.signalbox.governance.compliance.ComplianceDashboard;
import io.signalbox.governance.rules.RuleService;
import io.signalbox.identity.Caller;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.ProblemException;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules page (every rule's statement, severity, parameters and where it is enforced; council members change
 * severities and parameters here) and the canonical entity pages.
 */
@Path("/governance")
@Produces(MediaType.TEXT_HTML)
public class GovernancePages {

    @Inject
    GovernanceQueries queries;

    @Inject
    RuleService ruleService;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    /** A refused change, shown beside the rule it was meant for. */
    public record Refusal(String ruleId, List<FieldProblem> problems) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(
                List<RuleView> rules, List<RuleSetView> ruleSets, boolean mayEdit, String changed, Refusal refusal);

        static native TemplateInstance entities(List<EntitySummary> entities);

        static native TemplateInstance compliance(ComplianceDashboard.Dashboard dashboard);

        static native TemplateInstance entity(EntityView entity, boolean mayDecide);
    }

    @GET
    @Path("/rules")
    public TemplateInstance rules(@QueryParam("changed") String changed) {
        return Templates.rules(queries.rules(), queries.ruleSets(), caller.isCouncil(), changed, null);
    }

    /** A council member's change from the rules page: severity, each parameter, and the lockVersion shown. */
    @POST
    @Path("/rules/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        formTokens.verify(form.getFirst(FormTokens.FIELD));
        caller.refuseUnlessCouncil("change the governance rules");
        RuleView current = queries.rule(id);
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (GovernanceViews.Parameter parameter : current.parameterList()) {
            String submitted = form.getFirst("parameter." + parameter.name());
            parameters.put(parameter.name(), parse(submitted, parameter.numeric()));
        }
        Integer lockVersion = parseInteger(form.getFirst("lockVersion"));
        try {
            ruleService.change(
                    id, new RuleService.RuleChange(form.getFirst("severity"), parameters, lockVersion), caller.name());
        } catch (ProblemException refused) {
            if (refused.status() != 422 && refused.status() != 409) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(Templates.rules(
                            queries.rules(), queries.ruleSets(), true, null, new Refusal(id, refused.problems())))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .build();
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

    @Inject
    ComplianceDashboard compliance;

    @GET
    @Path("/compliance")
    public TemplateInstance compliance() {
        return Templates.compliance(compliance.dashboard());
    }

    @GET
    @Path("/entities")
    public TemplateInstance entities() {
        return Templates.entities(queries.entities());
    }

    @GET
    @Path("/entities/{name}")
    public TemplateInstance entity(@PathParam("name") String name) {
        return Templates.entity(queries.entity(name), caller.isCouncil());
    }

    @Inject
    CanonicalModelService model;

    /** A council member records a decision about an entity from its page. */
    @POST
    @Path("/entities/{name}/decisions")
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
