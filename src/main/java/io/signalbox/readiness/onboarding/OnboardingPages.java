package io.signalbox.readiness.onboarding;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.catalog.domain.DomainService.DomainRef;
import io.signalbox.identity.Caller;
import io.signalbox.readiness.onboarding.OnboardingService.View;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A domain's onboarding page ({@code /domains/{key}/onboarding}): the council's current decision with its reason and
 * date, the history newest first (paged), and for the council the form that records a new decision (CSRF token, one
 * transaction, 422 with the form shown again when a field is wrong).
 */
@Path("/domains/{key}/onboarding")
@Produces(MediaType.TEXT_HTML)
public class OnboardingPages {

    @Inject
    OnboardingService onboarding;

    @Inject
    DomainService domains;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    /** What the form shows again after a refusal: the typed values and the problems. */
    public record Draft(String decision, String reason, String decidedOn, List<FieldProblem> problems) {}

    /** A decision the form offers. */
    public record Choice(String key, String label) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance onboarding(
                String domainKey,
                String domainName,
                View current,
                Page<View> history,
                boolean mayDecide,
                List<Choice> choices,
                Draft draft,
                boolean saved);
    }

    @GET
    public TemplateInstance page(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @QueryParam("saved") String saved) {
        DomainRef domain = domains.existing(key);
        PageRequest request =
                Paging.request(after, size, OnboardingService.DEFAULT_SIZE, OnboardingService.MAX_SIZE, 1);
        return render(domain, request, new Draft("", "", "", List.of()), saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @PathParam("key") String key,
            @FormParam(FormTokens.FIELD) String token,
            @FormParam("decision") String decision,
            @FormParam("reason") String reason,
            @FormParam("decidedOn") String decidedOn) {
        formTokens.verify(token);
        caller.refuseUnlessCouncil("decide on a domain's onboarding");
        DomainRef domain = domains.existing(key);
        try {
            onboarding.decide(caller, key, decision, reason, day(decidedOn));
        } catch (Refusal.Invalid refused) {
            Draft draft = new Draft(
                    decision == null ? "" : decision,
                    reason == null ? "" : reason,
                    decidedOn == null ? "" : decidedOn,
                    refused.problems());
            return Response.status(422)
                    .entity(render(domain, firstPage(), draft, false))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .build();
        }
        return Response.seeOther(URI.create("/domains/" + key + "/onboarding?saved"))
                .build();
    }

    /** The form's date ({@code 2026-11-30}); blank for today. */
    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(
                    "The onboarding decision is not valid", "decidedOn", "must be a date such as 2026-11-30");
        }
    }

    private static PageRequest firstPage() {
        return Paging.request(null, null, OnboardingService.DEFAULT_SIZE, OnboardingService.MAX_SIZE, 1);
    }

    private TemplateInstance render(DomainRef domain, PageRequest request, Draft draft, boolean saved) {
        Long afterId = request.first() ? null : request.after(0, Long::parseLong);
        String path = "/domains/" + domain.key() + "/onboarding";
        Page<View> history = Paging.page(
                onboarding.history(domain.key(), afterId, request.limitWithLookahead()),
                request,
                v -> List.of(String.valueOf(v.id())),
                path,
                Map.of());
        List<Choice> choices = Arrays.stream(Decision.values())
                .map(d -> new Choice(d.key(), d.label()))
                .toList();
        return Templates.onboarding(
                domain.key(),
                domain.name(),
                onboarding.current(domain.key()).orElse(null),
                history,
                caller.isCouncil(),
                choices,
                draft,
                saved);
    }
}
