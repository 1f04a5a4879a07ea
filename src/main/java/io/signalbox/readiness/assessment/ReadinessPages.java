package io.signalbox.readiness.assessment;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.identity.Caller;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.assessment.AssessmentService.Saved;
import io.signalbox.readiness.assessment.AssessmentViews.AnswerView;
import io.signalbox.readiness.assessment.AssessmentViews.AssessmentView;
import io.signalbox.readiness.assessment.AssessmentViews.EvidenceView;
import io.signalbox.readiness.assessment.AssessmentViews.PlanItemView;
import io.signalbox.readiness.assessment.AssessmentViews.ReadinessView;
import io.signalbox.readiness.assessment.DraftRequest.AnswerRequest;
import io.signalbox.readiness.assessment.DraftRequest.PlanItemRequest;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.HostileText;
import io.signalbox.web.Paging;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain's readiness as a page ({@code /domains/{key}/readiness}): the latest verdict with its waivers, the draft
 * form for the domain's owners and the council (each criterion's guiding question, the score, the justification and
 * the catalog's evidence beside it; the plan), and the history of submissions criterion by criterion. Forms work
 * without JavaScript (Post/Redirect/Get); a refused form is shown again as typed, each problem beside its field.
 */
@Path("/domains/{key}/readiness")
@Produces(MediaType.TEXT_HTML)
public class ReadinessPages {

    /** Submissions per page of the history table (its columns). */
    static final int HISTORY_COLUMNS = 10;

    /** Blank plan rows the form offers below the plan, since without JavaScript rows cannot be added. */
    static final int BLANK_PLAN_ROWS = 3;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentQueries queries;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    /** The draft form as shown: from the stored draft, or as typed when refused. */
    public record DraftForm(String lockVersion, List<CriterionRow> criteria, List<PlanRow> planItems) {}

    /** One criterion of the form, its evidence beside it and the problems named for it. */
    public record CriterionRow(
            String key,
            String title,
            String question,
            String score,
            String justification,
            EvidenceView evidence,
            boolean diverges,
            List<String> problems) {}

    /** One plan row of the form (blank rows too); {@code index} numbers its fields. */
    public record PlanRow(
            int index, String criterion, String action, String owner, String targetDate, List<String> problems) {}

    /** A criterion as a row heading of the history table and an option of the plan rows. */
    public record CriterionHead(String key, String title) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance readiness(
                ReadinessView page,
                DraftForm form,
                List<FieldProblem> problems,
                String refusal,
                String outcome,
                List<CriterionHead> criteria);
    }

    @GET
    public TemplateInstance page(
            @PathParam("key") String key, @QueryParam("after") String after, @QueryParam("done") String done) {
        ReadinessView page = read(key, after);
        String outcome = done == null ? null : AssessmentViews.OUTCOMES.get(done);
        return Templates.readiness(page, formOf(page.draft()), List.of(), null, outcome, heads());
    }

    /** Saves the draft from the form; 303 back to the page, or the page again with the problems (422). */
    @POST
    @Path("/draft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        formTokens.verify(form.getFirst(FormTokens.FIELD));
        Posted posted = posted(form);
        try {
            refuseUnreadable(posted);
            assessments.saveDraft(key, posted.request(), caller);
        } catch (Refusal.Invalid refused) {
            return refusedForm(key, posted, refused, "The draft was not saved.");
        }
        return seeOther(key, "saved");
    }

    /**
     * Saves the draft from the form, then submits it. When the submission is refused the draft stays saved and the
     * page shows what is in the way (422); a form sent again after its draft was submitted is a 409.
     */
    @POST
    @Path("/draft/submission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        formTokens.verify(form.getFirst(FormTokens.FIELD));
        Posted posted = posted(form);
        Saved saved;
        try {
            refuseUnreadable(posted);
            saved = assessments.saveDraft(key, posted.request(), caller);
        } catch (Refusal.Invalid refused) {
            return refusedForm(key, posted, refused, "The draft was neither saved nor submitted.");
        }
        try {
            assessments.submit(key, saved.draft().lockVersion, caller);
        } catch (Refusal.Invalid refused) {
            ReadinessView page = read(key, null);
            return shownAgain(
                    page,
                    withProblems(formOf(page.draft()), refused.problems()),
                    refused,
                    "The draft is saved, but it cannot be submitted yet.");
        }
        return seeOther(key, "submitted");
    }

    /** The council waives a red criterion of the latest submission. */
    @POST
    @Path("/assessments/{id}/waivers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response waive(
            @PathParam("key") String key,
            @PathParam("id") String id,
            @FormParam("criterion") String criterion,
            @FormParam("reason") String reason,
            @FormParam("expiresOn") String expiresOn,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        assessments.waive(key, id, new WaiverRequest(criterion, reason, date(expiresOn, "expiresOn")), caller);
        return seeOther(key, "waived");
    }

    /** Marks a plan item of a submission done. */
    @POST
    @Path("/plan-items/{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(
            @PathParam("key") String key, @PathParam("id") String id, @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        assessments.markDone(key, id, caller);
        return seeOther(key, "plan-item-done");
    }

    // ---- the form, read and shown again ----

    /** The form as read: the request for the service, and the form as typed to show again. */
    private record Posted(DraftRequest request, DraftForm typed, List<FieldProblem> unreadable) {}

    /** A date or lockVersion that is no such thing, or text no person types: refused like a rule broken. */
    private static void refuseUnreadable(Posted posted) {
        if (!posted.unreadable().isEmpty()) {
            throw Refusal.invalid("The form is not valid", posted.unreadable());
        }
    }

    private ReadinessView read(String key, String after) {
        PageRequest history = Paging.request(after, null, HISTORY_COLUMNS, HISTORY_COLUMNS, 2);
        return queries.readiness(key, caller, history, "/domains/" + key + "/readiness", Map.of());
    }

    private Response refusedForm(String key, Posted posted, Refusal.Invalid refused, String message) {
        ReadinessView page = read(key, null);
        DraftForm typed = posted.typed();
        // The evidence and questions come from the stored draft; the answers and plan as they were typed.
        DraftForm shown = withProblems(
                new DraftForm(typed.lockVersion(), withEvidence(typed.criteria(), page.draft()), typed.planItems()),
                refused.problems());
        return shownAgain(page, shown, refused, message);
    }

    /** The page again with the form as it should be shown and the refusal's problems listed by field: 422. */
    private static Response shownAgain(ReadinessView page, DraftForm form, Refusal.Invalid refused, String message) {
        return Response.status(422)
                .entity(Templates.readiness(page, form, refused.problems(), message, null, heads()))
                .build();
    }

    /**
     * Reads the form: {@code lockVersion}, {@code answers.<criterion>.score} and {@code .justification}, and plan rows
     * {@code planItems[i].criterion}, {@code .action}, {@code .owner}, {@code .targetDate}; blank rows are skipped and
     * the rest renumbered, so problems name the rows as shown again. A date or lockVersion that cannot be read is a
     * 422 naming its field.
     */
    private static Posted posted(MultivaluedMap<String, String> form) {
        List<FieldProblem> problems = new ArrayList<>();
        String lockText = text(form, "lockVersion");
        Integer lockVersion = null;
        if (!lockText.isBlank()) {
            try {
                lockVersion = Integer.valueOf(lockText.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("lockVersion", "must be a whole number such as 3; reload the page"));
            }
        }
        Map<String, AnswerRequest> answers = new LinkedHashMap<>();
        List<CriterionRow> rows = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            String prefix = "answers." + criterion.key();
            unstorable(form, problems, prefix + ".score", prefix + ".justification");
            String score = text(form, prefix + ".score");
            String justification = text(form, prefix + ".justification");
            answers.put(
                    criterion.key(),
                    new AnswerRequest(score.isBlank() ? null : score, justification.isBlank() ? null : justification));
            rows.add(new CriterionRow(
                    criterion.key(), criterion.title(), "", score, justification, null, false, List.of()));
        }
        List<PlanItemRequest> plan = new ArrayList<>();
        List<PlanRow> planRows = new ArrayList<>();
        int limit = AssessmentService.MAX_PLAN_ITEMS + BLANK_PLAN_ROWS;
        for (int i = 0; i < limit; i++) {
            String prefix = "planItems[" + i + "]";
            unstorable(
                    form,
                    problems,
                    prefix + ".criterion",
                    prefix + ".action",
                    prefix + ".owner",
                    prefix + ".targetDate");
            String criterion = text(form, prefix + ".criterion");
            String action = text(form, prefix + ".action");
            String owner = text(form, prefix + ".owner");
            String target = text(form, prefix + ".targetDate");
            if (criterion.isBlank() && action.isBlank() && owner.isBlank() && target.isBlank()) {
                continue;
            }
            int index = plan.size();
            LocalDate date = null;
            if (!target.isBlank()) {
                try {
                    date = LocalDate.parse(target.strip());
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem(
                            "planItems[" + index + "].targetDate", "must be a date such as 2027-03-01"));
                }
            }
            plan.add(new PlanItemRequest(
                    criterion.isBlank() ? null : criterion,
                    action.isBlank() ? null : action,
                    owner.isBlank() ? null : owner,
                    date));
            planRows.add(new PlanRow(index, criterion, action, owner, target, List.of()));
        }
        DraftForm typed = new DraftForm(lockText, rows, withBlankRows(planRows));
        return new Posted(new DraftRequest(lockVersion, answers, plan), typed, problems);
    }

    /** The form for a stored draft (or the proposal of a new one), with its open problems beside the fields. */
    private static DraftForm formOf(AssessmentView draft) {
        if (draft == null) {
            return null;
        }
        List<CriterionRow> rows = new ArrayList<>();
        for (AnswerView answer : draft.answers()) {
            rows.add(new CriterionRow(
                    answer.criterion(),
                    answer.title(),
                    answer.question(),
                    answer.score() == null ? "" : answer.score(),
                    answer.justification() == null ? "" : answer.justification(),
                    answer.evidence(),
                    answer.diverges(),
                    List.of()));
        }
        List<PlanRow> plan = new ArrayList<>();
        for (PlanItemView item : draft.planItems()) {
            plan.add(new PlanRow(
                    plan.size(),
                    item.criterion(),
                    item.action(),
                    item.owner(),
                    item.targetDate() == null ? "" : item.targetDate().toString(),
                    List.of()));
        }
        DraftForm form = new DraftForm(
                draft.lockVersion() == null ? "" : draft.lockVersion().toString(), rows, withBlankRows(plan));
        // What a submission would be refused for today ("plan item required" under a red), beside its field.
        return withProblems(form, draft.toSubmit());
    }

    private static List<CriterionRow> withEvidence(List<CriterionRow> typed, AssessmentView draft) {
        if (draft == null) {
            return typed;
        }
        Map<String, AnswerView> stored = new LinkedHashMap<>();
        draft.answers().forEach(a -> stored.put(a.criterion(), a));
        return typed.stream()
                .map(row -> {
                    AnswerView answer = stored.get(row.key());
                    return answer == null
                            ? row
                            : new CriterionRow(
                                    row.key(),
                                    answer.title(),
                                    answer.question(),
                                    row.score(),
                                    row.justification(),
                                    answer.evidence(),
                                    answer.diverges(),
                                    row.problems());
                })
                .toList();
    }

    /** Puts each problem beside its field: {@code answers.<key>…} under the criterion, {@code planItems[i]…} in row i. */
    private static DraftForm withProblems(DraftForm form, List<FieldProblem> problems) {
        List<CriterionRow> rows = form.criteria().stream()
                .map(row -> new CriterionRow(
                        row.key(),
                        row.title(),
                        row.question(),
                        row.score(),
                        row.justification(),
                        row.evidence(),
                        row.diverges(),
                        messagesFor(problems, "answers." + row.key())))
                .toList();
        List<PlanRow> plan = form.planItems().stream()
                .map(row -> new PlanRow(
                        row.index(),
                        row.criterion(),
                        row.action(),
                        row.owner(),
                        row.targetDate(),
                        messagesFor(problems, "planItems[" + row.index() + "]")))
                .toList();
        return new DraftForm(form.lockVersion(), rows, plan);
    }

    private static List<String> messagesFor(List<FieldProblem> problems, String prefix) {
        return problems.stream()
                .filter(p -> p.field().equals(prefix) || p.field().startsWith(prefix + "."))
                .map(p -> p.field().substring(prefix.length()).replaceFirst("^\\.", "") + ": " + p.message())
                .map(m -> m.startsWith(": ") ? m.substring(2) : m)
                .toList();
    }

    private static List<PlanRow> withBlankRows(List<PlanRow> rows) {
        List<PlanRow> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_PLAN_ROWS; i++) {
            all.add(new PlanRow(all.size(), "", "", "", "", List.of()));
        }
        return all;
    }

    private static List<CriterionHead> heads() {
        return Arrays.stream(Criterion.values())
                .map(c -> new CriterionHead(c.key(), c.title()))
                .toList();
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || HostileText.isUnstorable(value) ? "" : value;
    }

    /** Text no person types is dropped from the form shown again and named (HostileText refuses it at the door too). */
    private static void unstorable(MultivaluedMap<String, String> form, List<FieldProblem> problems, String... names) {
        for (String name : names) {
            if (HostileText.isUnstorable(form.getFirst(name))) {
                problems.add(new FieldProblem(name, "holds a control or broken character; remove it"));
            }
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("The form is not valid", field, "must be a date such as 2027-03-01");
        }
    }

    private static Response seeOther(String key, String done) {
        return Response.seeOther(URI.create("/domains/" + key + "/readiness?done=" + done))
                .build();
    }
}
