package io.signalbox.readiness.assessment;

import io.signalbox.identity.Caller;
import io.signalbox.identity.DomainDirectory;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.Verdict;
import io.signalbox.readiness.assessment.AssessmentViews.AnswerView;
import io.signalbox.readiness.assessment.AssessmentViews.AssessmentView;
import io.signalbox.readiness.assessment.AssessmentViews.EvidenceView;
import io.signalbox.readiness.assessment.AssessmentViews.FactView;
import io.signalbox.readiness.assessment.AssessmentViews.HistoryItem;
import io.signalbox.readiness.assessment.AssessmentViews.PlanItemView;
import io.signalbox.readiness.assessment.AssessmentViews.ReadinessView;
import io.signalbox.readiness.assessment.AssessmentViews.WaiverView;
import io.signalbox.readiness.evidence.DomainEvidence;
import io.signalbox.readiness.evidence.EvidenceService;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a domain's readiness for the page and its JSON twin: the latest submission with the verdict as the council's
 * waivers in force today make it, the open draft (or what a new one would start from) for those who may edit it, and
 * one page of the history. A handful of statements whatever the history's length: the history is read by keyset on
 * {@code (submitted_at, id)} through {@code readiness_assessment_submitted_idx}, its answers and waivers in one
 * statement each.
 */
@ApplicationScoped
public class AssessmentQueries {

    /** History rows a page holds when the client names no size, and at most. */
    public static final int DEFAULT_HISTORY = 20, MAX_HISTORY = 100;

    @Inject
    Clock clock;

    @Inject
    DomainDirectory domains;

    @Inject
    EvidenceService evidence;

    /**
     * The domain's readiness as {@code caller} may see it.
     *
     * @param path and query: where the history's next link points (the API or the page)
     * @throws io.signalbox.web.Refusal.NotFound when no domain has this key
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReadinessView readiness(
            String domainKey, Caller caller, PageRequest history, String path, Map<String, List<String>> query) {
        String name = domains.nameOf(domainKey);
        LocalDate today = AssessmentService.today(clock.instant());
        boolean mayEdit = AssessmentService.mayEdit(domainKey, caller);
        AssessmentView latest = AssessmentService.latestSubmitted(domainKey)
                .map(a -> view(a, today))
                .orElse(null);
        Optional<Assessment> open = AssessmentService.openDraft(domainKey);
        AssessmentView draft = null;
        if (mayEdit) {
            draft = open.map(a -> view(a, today)).orElseGet(() -> proposal(domainKey, today));
        }
        Page<HistoryItem> page = history(domainKey, history, today, path, query);
        return new ReadinessView(
                domainKey,
                name,
                mayEdit,
                caller.isCouncil(),
                latest,
                open.isPresent(),
                draft,
                page.items(),
                page.next());
    }

    /** A plan item as shown, for the answer to marking it done. */
    public PlanItemView view(PlanItem item) {
        return planItemView(item, AssessmentService.today(clock.instant()));
    }

    /** One assessment as shown, with its answers, plan and waivers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentView view(Assessment assessment) {
        return view(assessment, AssessmentService.today(clock.instant()));
    }

    /** A waiver as shown. */
    public WaiverView view(Waiver waiver) {
        return waiverView(waiver, AssessmentService.today(clock.instant()));
    }

    private AssessmentView view(Assessment assessment, LocalDate today) {
        Map<Criterion, Answer> answers = AssessmentService.byCriterion(AssessmentService.answersOf(assessment.id));
        List<PlanItem> plan = AssessmentService.planItemsOf(assessment.id);
        List<Waiver> waivers = Waiver.list("assessmentId = ?1 order by id", assessment.id);
        return assemble(assessment, answers, plan, waivers, today);
    }

    /**
     * What a new draft would start from: the last submission's answers and its plan items not done, beside the
     * catalog's evidence as it is now. Nothing is stored until it is saved.
     */
    private AssessmentView proposal(String domainKey, LocalDate today) {
        Optional<Assessment> last = AssessmentService.latestSubmitted(domainKey);
        Map<Criterion, Answer> previous = last.map(
                        a -> AssessmentService.byCriterion(AssessmentService.answersOf(a.id)))
                .orElse(Map.of());
        DomainEvidence found = evidence.of(domainKey);
        Map<Criterion, Answer> answers = new LinkedHashMap<>();
        for (Criterion criterion : Criterion.values()) {
            Answer answer = new Answer();
            answer.criterion = criterion.key();
            Answer copied = previous.get(criterion);
            if (copied != null) {
                answer.score = copied.score;
                answer.justification = copied.justification;
            }
            DomainEvidence.CriterionEvidence e = found.criteria().get(criterion);
            answer.evidenceLevel =
                    e == null || e.level() == null ? null : e.level().key();
            answer.evidence = e == null ? Map.of() : AssessmentService.evidenceJson(e, found.computedAt());
            answers.put(criterion, answer);
        }
        List<PlanItem> plan = new ArrayList<>();
        last.ifPresent(a -> AssessmentService.planItemsOf(a.id).stream()
                .filter(item -> item.doneAt == null)
                .forEach(item -> {
                    PlanItem copy = new PlanItem();
                    copy.criterion = item.criterion;
                    copy.action = item.action;
                    copy.owner = item.owner;
                    copy.targetDate = item.targetDate;
                    plan.add(copy);
                }));
        Assessment draft = new Assessment();
        draft.domainKey = domainKey;
        draft.state = Assessment.DRAFT;
        draft.questionnaireVersion = Questionnaire.current().version;
        draft.startedFrom = last.map(a -> a.id).orElse(null);
        return assemble(draft, answers, plan, List.of(), today);
    }

    private AssessmentView assemble(
            Assessment assessment,
            Map<Criterion, Answer> answers,
            List<PlanItem> plan,
            List<Waiver> waivers,
            LocalDate today) {
        Questionnaire questionnaire = Questionnaire.findById(assessment.questionnaireVersion);
        Map<String, Questionnaire.Question> questions = questionnaire == null
                ? Map.of()
                : questionnaire.criteria.stream()
                        .collect(Collectors.toMap(Questionnaire.Question::criterion, q -> q, (a, b) -> a));
        Set<Criterion> waived = inForce(waivers, today);
        List<AnswerView> answerViews = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            Answer answer = answers.get(criterion);
            Questionnaire.Question question = questions.get(criterion.key());
            answerViews.add(new AnswerView(
                    criterion.key(),
                    question == null ? criterion.title() : question.title(),
                    question == null ? "" : question.question(),
                    answer == null ? null : answer.score,
                    answer == null ? null : answer.justification,
                    answer == null ? new EvidenceView(null, List.of(), "", null) : evidenceView(answer),
                    answer != null && AssessmentService.diverges(answer),
                    waived.contains(criterion)
                            && answer != null
                            && Score.RED.key().equals(answer.score)));
        }
        boolean submitted = assessment.submitted();
        Map<Criterion, Score> scores = AssessmentService.scores(answers);
        String verdict =
                submitted ? assessment.verdict : Verdict.of(scores, Set.of()).key();
        String effective = submitted ? Verdict.of(scores, waived).key() : verdict;
        boolean diverges =
                submitted ? assessment.diverges : answers.values().stream().anyMatch(AssessmentService::diverges);
        List<FieldProblem> toSubmit =
                submitted ? List.of() : AssessmentService.submissionProblems(answers, plan, today);
        return new AssessmentView(
                assessment.id,
                assessment.domainKey,
                assessment.state,
                assessment.questionnaireVersion,
                assessment.startedFrom,
                assessment.createdAt,
                assessment.createdBy,
                assessment.updatedAt,
                assessment.updatedBy,
                assessment.submittedAt,
                assessment.submittedBy,
                verdict,
                effective,
                diverges,
                assessment.id == null ? null : assessment.lockVersion,
                answerViews,
                plan.stream().map(item -> planItemView(item, today)).toList(),
                waivers.stream().map(w -> waiverView(w, today)).toList(),
                toSubmit);
    }

    /** One page of submitted assessments, newest first, each with its scores and how they moved. */
    private Page<HistoryItem> history(
            String domainKey, PageRequest request, LocalDate today, String path, Map<String, List<String>> query) {
        List<Assessment> rows;
        if (request.first()) {
            rows = Assessment.find(
                            "domainKey = ?1 and state = ?2 order by submittedAt desc, id desc",
                            domainKey,
                            Assessment.SUBMITTED)
                    .page(0, request.limitWithLookahead())
                    .list();
        } else {
            Instant at = request.after(0, Instant::parse);
            long id = request.after(1, Long::parseLong);
            rows = Assessment.find(
                            "domainKey = ?1 and state = ?2 and (submittedAt, id) < (?3, ?4)"
                                    + " order by submittedAt desc, id desc",
                            domainKey,
                            Assessment.SUBMITTED,
                            at,
                            id)
                    .page(0, request.limitWithLookahead())
                    .list();
        }
        List<Long> ids = rows.stream().map(a -> a.id).toList();
        Map<Long, Map<Criterion, Answer>> answers = new HashMap<>();
        Map<Long, List<Waiver>> waivers = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Answer answer : Answer.<Answer>list("assessmentId in ?1", ids)) {
                answers.computeIfAbsent(answer.assessmentId, k -> new HashMap<>())
                        .put(Criterion.ofKey(answer.criterion, "criterion"), answer);
            }
            for (Waiver waiver : Waiver.<Waiver>list("assessmentId in ?1", ids)) {
                waivers.computeIfAbsent(waiver.assessmentId, k -> new ArrayList<>())
                        .add(waiver);
            }
        }
        List<HistoryItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Assessment a = rows.get(i);
            Map<Criterion, Answer> mine = answers.getOrDefault(a.id, Map.of());
            // The row after this one (read as the page's look-ahead) is the submission before it.
            Map<Criterion, Answer> before =
                    i + 1 < rows.size() ? answers.getOrDefault(rows.get(i + 1).id, Map.of()) : null;
            Map<String, String> scores = new LinkedHashMap<>();
            Map<String, String> moves = new LinkedHashMap<>();
            for (Criterion criterion : Criterion.values()) {
                Answer now = mine.get(criterion);
                scores.put(criterion.key(), now == null ? null : now.score);
                if (before != null) {
                    Answer then = before.get(criterion);
                    moves.put(criterion.key(), move(now, then));
                }
            }
            Map<Criterion, Score> scored = AssessmentService.scores(mine);
            items.add(new HistoryItem(
                    a.id,
                    a.submittedAt,
                    a.submittedBy,
                    a.questionnaireVersion,
                    a.verdict,
                    Verdict.of(scored, inForce(waivers.getOrDefault(a.id, List.of()), today))
                            .key(),
                    a.diverges,
                    scores,
                    before == null ? null : moves));
        }
        return Paging.page(
                items, request, h -> List.of(h.submittedAt().toString(), Long.toString(h.id())), path, query);
    }

    private static String move(Answer now, Answer then) {
        if (now == null || then == null || now.score == null || then.score == null) {
            return null;
        }
        int better = Score.ofKey(now.score, "score").levelsBetterThan(Score.ofKey(then.score, "score"));
        return better > 0 ? "better" : better < 0 ? "worse" : "same";
    }

    private static Set<Criterion> inForce(List<Waiver> waivers, LocalDate today) {
        Set<Criterion> waived = EnumSet.noneOf(Criterion.class);
        for (Waiver waiver : waivers) {
            if (!waiver.expiresOn.isBefore(today)) {
                waived.add(Criterion.ofKey(waiver.criterion, "criterion"));
            }
        }
        return waived;
    }

    private static PlanItemView planItemView(PlanItem item, LocalDate today) {
        return new PlanItemView(
                item.id,
                item.criterion,
                item.action,
                item.owner,
                item.targetDate,
                item.doneAt,
                item.doneBy,
                item.doneAt == null && item.targetDate != null && item.targetDate.isBefore(today));
    }

    private static WaiverView waiverView(Waiver waiver, LocalDate today) {
        return new WaiverView(
                waiver.criterion,
                waiver.reason,
                waiver.expiresOn,
                waiver.waivedAt,
                waiver.waivedBy,
                !waiver.expiresOn.isBefore(today));
    }

    @SuppressWarnings("unchecked")
    private static EvidenceView evidenceView(Answer answer) {
        Map<String, Object> json = answer.evidence == null ? Map.of() : answer.evidence;
        List<FactView> facts = new ArrayList<>();
        if (json.get("facts") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> fact) {
                    Object value = fact.get("value");
                    facts.add(new FactView(
                            String.valueOf(fact.get("name")),
                            String.valueOf(fact.get("label")),
                            value instanceof Number n ? n.doubleValue() : null,
                            fact.get("display") == null ? "" : String.valueOf(fact.get("display"))));
                }
            }
        }
        Object computedAt = json.get("computedAt");
        return new EvidenceView(
                answer.evidenceLevel,
                facts,
                json.get("rule") == null ? "" : String.valueOf(json.get("rule")),
                computedAt == null ? null : Instant.parse(String.valueOf(computedAt)));
    }
}
