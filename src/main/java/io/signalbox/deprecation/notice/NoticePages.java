package io.signalbox.deprecation.notice;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.lifecycle.ProductFacts;
import io.signalbox.catalog.lifecycle.ProductLifecycle;
import io.signalbox.deprecation.notice.NoticeViews.DeliveryView;
import io.signalbox.deprecation.notice.NoticeViews.NoticePage;
import io.signalbox.deprecation.notice.NoticeViews.NoticeView;
import io.signalbox.deprecation.notice.NoticeViews.RecipientView;
import io.signalbox.identity.Caller;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A product's deprecation notice as pages: the notice with its recipients and history
 * ({@code /products/{key}/deprecation}), the owner's form to issue one ({@code /products/{key}/deprecation/new}), the
 * forms to extend and rescind it, and the owner's delivery log. Forms work without JavaScript and follow
 * Post/Redirect/Get; a refused form is shown again with the owner's input and each problem beside its field.
 */
@Path("/products/{key}/deprecation")
@Produces(MediaType.TEXT_HTML)
public class NoticePages {

    static final int PAGE_SIZE = 50;

    @Inject
    NoticeService notices;

    @Inject
    NoticeQueries queries;

    @Inject
    ProductLifecycle lifecycle;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @Inject
    Clock clock;

    /** The issue form's fields as typed, to show them again when refused. */
    public record Draft(
            String reason,
            String sunset,
            String successor,
            String noSuccessorReason,
            String migrationGuide,
            String majorVersion) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(NoticePage page, String outcome);

        static native TemplateInstance form(
                String productKey,
                String title,
                List<Integer> majors,
                Draft draft,
                LocalDate earliest,
                List<FieldProblem> problems);

        static native TemplateInstance deliveries(
                String productKey, NoticeView notice, List<DeliveryView> rows, String next);
    }

    @GET
    public TemplateInstance page(
            @PathParam("key") String key,
            @QueryParam("notice") String notice,
            @QueryParam("after") String after,
            @QueryParam("done") String done) {
        ProductFacts facts = facts(key);
        boolean owner = caller.owns(facts.domainKey());
        boolean seesLog = owner || caller.isCouncil();
        NoticeView view = queries.shown(key, NoticeQueries.noticeId(notice))
                .map(queries::view)
                .orElse(null);
        List<RecipientView> recipients = List.of();
        String next = null;
        if (view != null && seesLog) {
            PageRequest request = Paging.request(after, null, PAGE_SIZE, PAGE_SIZE, 1);
            Page<RecipientView> page = Paging.page(
                    queries.recipients(view.id(), request),
                    request,
                    r -> List.of(Long.toString(r.id())),
                    "/products/" + key + "/deprecation",
                    notice == null || notice.isBlank() ? Map.of() : Map.of("notice", List.of(notice.strip())));
            recipients = page.items();
            next = page.next();
        }
        return Templates.notice(
                new NoticePage(key, view, owner, seesLog, recipients, next, queries.history(key, 20)), outcome(done));
    }

    @GET
    @Path("/new")
    public TemplateInstance form(@PathParam("key") String key, @QueryParam("major") Integer major) {
        ProductFacts facts = facts(key);
        caller.refuseUnlessOwnerOf(facts.domainKey(), "issue a deprecation notice for " + key);
        Draft draft = new Draft(
                "",
                notices.earliestSunset(clock.instant()).toString(),
                "",
                "",
                "",
                major == null ? "" : major.toString());
        return Templates.form(
                key, facts.title(), facts.majors(), draft, notices.earliestSunset(clock.instant()), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(
            @PathParam("key") String key,
            @FormParam("reason") String reason,
            @FormParam("sunset") String sunset,
            @FormParam("successor") String successor,
            @FormParam("noSuccessorReason") String noSuccessorReason,
            @FormParam("migrationGuide") String migrationGuide,
            @FormParam("majorVersion") String majorVersion,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        Draft draft = new Draft(reason, sunset, successor, noSuccessorReason, migrationGuide, majorVersion);
        ProductFacts facts = facts(key);
        try {
            NoticeRequest request = new NoticeRequest(
                    reason, date(sunset), successor, noSuccessorReason, migrationGuide, major(majorVersion), null);
            notices.issue(key, request, caller);
        } catch (Refusal.Invalid | Refusal.Conflict refused) {
            List<FieldProblem> problems = refused instanceof Refusal.Invalid invalid
                    ? invalid.problems()
                    : List.of(new FieldProblem("majorVersion", refused.detail()));
            return Response.status(refused instanceof Refusal.Invalid ? 422 : 409)
                    .entity(Templates.form(
                            key,
                            facts.title(),
                            facts.majors(),
                            draft,
                            notices.earliestSunset(clock.instant()),
                            problems))
                    .build();
        }
        return seeOther(key, "issued");
    }

    @POST
    @Path("/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(
            @PathParam("key") String key,
            @FormParam("sunset") String sunset,
            @FormParam("majorVersion") String majorVersion,
            @FormParam("lockVersion") String lockVersion,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        notices.extend(
                key,
                new NoticeRequest(
                        null, date(sunset), null, null, null, major(majorVersion), whole(lockVersion, "lockVersion")),
                caller);
        return seeOther(key, "extended");
    }

    @POST
    @Path("/rescission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rescind(
            @PathParam("key") String key,
            @FormParam("majorVersion") String majorVersion,
            @FormParam("reason") String reason,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        notices.rescind(key, major(majorVersion), reason, caller);
        return seeOther(key, "rescinded");
    }

    /** The owner's delivery log: every outbox row, paged. */
    @GET
    @Path("/deliveries")
    public TemplateInstance deliveries(
            @PathParam("key") String key,
            @QueryParam("notice") String noticeParameter,
            @QueryParam("after") String after) {
        DeprecationNotice notice = queries.shown(key, NoticeQueries.noticeId(noticeParameter))
                .orElseThrow(() -> Refusal.notFound("Product " + key + " has no deprecation notice."));
        NoticeQueries.refuseUnlessSeesLog(notice.domainKey, caller);
        PageRequest request = Paging.request(after, null, PAGE_SIZE, PAGE_SIZE, 1);
        Page<DeliveryView> page = Paging.page(
                queries.deliveries(notice.id, request),
                request,
                r -> List.of(Long.toString(r.id())),
                "/products/" + key + "/deprecation/deliveries",
                Map.of("notice", List.of(notice.id.toString())));
        return Templates.deliveries(key, queries.view(notice), page.items(), page.next());
    }

    private ProductFacts facts(String key) {
        return lifecycle
                .facts(key, null)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + key + "'."));
    }

    private static String outcome(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "issued" -> "The notice is issued: its recipients are being told now.";
            case "extended" -> "The sunset is moved: every recipient is being told.";
            case "rescinded" -> "The notice is withdrawn: every recipient is being told.";
            default -> null;
        };
    }

    private static Response seeOther(String key, String done) {
        return Response.seeOther(URI.create("/products/" + key + "/deprecation?done=" + done))
                .build();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("The notice is not valid", "sunset", "must be a date such as 2027-03-01");
        }
    }

    private static Integer major(String text) {
        return whole(text, "majorVersion");
    }

    /** A form field holding a whole number; a 422 naming {@code field} when it holds something else. */
    private static Integer whole(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("The notice is not valid", field, "must be a whole number such as 1");
        }
    }
}
