package io.signalbox.readiness.assessment;

import io.signalbox.identity.AuditLog;
import io.signalbox.identity.Caller;
import io.signalbox.identity.DomainDirectory;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.Verdict;
import io.signalbox.readiness.assessment.DraftRequest.AnswerRequest;
import io.signalbox.readiness.assessment.DraftRequest.PlanItemRequest;
import io.signalbox.readiness.evidence.Divergence;
import io.signalbox.readiness.evidence.DomainEvidence;
import io.signalbox.readiness.evidence.DomainEvidence.CriterionEvidence;
import io.signalbox.readiness.evidence.DomainEvidence.Fact;
import io.signalbox.readiness.evidence.EvidenceService;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The readiness assessment workflow of a domain (docs/readiness.md), one transaction per call: save the draft (opening
 * it from the last submission when none is open), submit it (every criterion scored, amber and red justified, each
 * red with a plan; the verdict and the divergence flag fixed), waive a red of the latest submission (council), and
 * track a plan item to done. Drafts, saves and submissions are for the domain's owners and the council.
 */
@ApplicationScoped
public class AssessmentService {

    static final int MAX_JUSTIFICATION = 4000, MAX_ACTION = 1000, MAX_OWNER = 320, MAX_PLAN_ITEMS = 50;
    static final int MAX_REASON = 2000;

    /** A plan item's target date is at most this many days after the day of submission (issue 14). */
    static final int PLAN_HORIZON_DAYS = 180;

    /** A waiver expires at most this far after the day it is made. */
    static final int MAX_WAIVER_DAYS = 366;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    EvidenceService evidence;

    @Inject
    DomainDirectory domains;

    /** A saved draft, and whether this save opened it. */
    public record Saved(Assessment draft, boolean opened) {}

    /** A draft's content, read and checked. */
    private record Content(Map<Criterion, Answer> answers, List<PlanItemRequest> planItems) {}

    /**
     * Saves the domain's draft, replacing its answers and plan items with the request's. When no draft is open, a
     * request without lockVersion opens one: it answers the current questionnaire and starts from the last submission
     * (its answers and the plan items not yet done are copied before the request's content replaces them). The catalog's
     * evidence is recorded beside every answer.
     *
     * @throws Refusal.NotFound when no domain has this key
     * @throws Refusal.Forbidden unless the caller owns the domain or is on the council
     * @throws Refusal.Conflict naming lockVersion when it is stale, when a draft is open and none was named, or when
     *     a lockVersion is sent but no draft is open (it was submitted: a submitted assessment never changes)
     * @throws Refusal.Invalid naming each field that breaks a rule of the draft (unknown criterion or score, a plan
     *     item missing its action, owner or target date, a text too long)
     */
    @Transactional
    public Saved saveDraft(String domainKey, DraftRequest request, Caller caller) {
        domains.nameOf(domainKey);
        refuseUnlessEditor(domainKey, caller, "save the readiness draft of " + domainKey);
        return save(domainKey, request, caller.name(), clock.instant());
    }

    private Saved save(String domainKey, DraftRequest request, String actor, Instant now) {
        if (request == null) {
            throw Refusal.invalid(
                    "The draft is not valid", "body", "is required: send lockVersion, answers and planItems");
        }
        Optional<Assessment> open = openDraft(domainKey);
        if (open.isEmpty() && request.lockVersion() != null) {
            throw noOpenDraft(domainKey);
        }
        if (open.isPresent() && request.lockVersion() == null) {
            throw Refusal.conflict(
                    "a draft of " + domainKey + " is already open (lockVersion " + open.get().lockVersion
                            + "); read it and send its lockVersion with your changes",
                    "lockVersion");
        }
        if (open.isPresent() && request.lockVersion() != open.get().lockVersion) {
            throw stale(open.get());
        }
        Content content = read(request);
        boolean opened = open.isEmpty();
        Assessment draft = opened ? open(domainKey, actor, now) : open.get();
        DomainEvidence found = evidence.of(domainKey);
        List<Answer> answers = answersOf(draft.id);
        for (Answer answer : answers) {
            Answer sent = content.answers().get(Criterion.ofKey(answer.criterion, "answers"));
            answer.score = sent == null ? null : sent.score;
            answer.justification = sent == null ? null : sent.justification;
            snapshot(answer, found);
        }
        for (PlanItem item : planItemsOf(draft.id)) {
            item.delete();
        }
        em.flush(); // the old plan's rows go before the new plan's positions are written
        int position = 0;
        for (PlanItemRequest sent : content.planItems()) {
            PlanItem item = new PlanItem();
            item.assessmentId = draft.id;
            item.criterion = sent.criterion();
            item.position = position++;
            item.action = sent.action().strip();
            item.owner = sent.owner().strip();
            item.targetDate = sent.targetDate();
            item.persist();
        }
        // Compare-and-set on the draft row: a concurrent save that read the same lockVersion finds it moved (409).
        int moved = em.createNativeQuery("update readiness_assessment set lock_version = lock_version + 1,"
                        + " updated_at = ?1, updated_by = ?2 where id = ?3 and lock_version = ?4 and state = 'draft'")
                .setParameter(1, now)
                .setParameter(2, actor)
                .setParameter(3, draft.id)
                .setParameter(4, draft.lockVersion)
                .executeUpdate();
        if (moved != 1) {
            throw Refusal.conflict(
                    "the draft of " + domainKey + " was changed by someone else at the same time; read it again",
                    "lockVersion");
        }
        em.refresh(draft);
        long answered = answers.stream().filter(a -> a.score != null).count();
        record(
                actor,
                opened ? "readiness.draft-opened" : "readiness.draft-saved",
                draft.id,
                domainKey,
                null,
                answered + " of " + Criterion.values().length + " criteria answered, " + position + " plan items");
        return new Saved(draft, opened);
    }

    /**
     * Submits the domain's open draft: from then on it is immutable and dated. Its verdict is fixed (without waivers)
     * and so is the divergence flag, against the catalog's evidence as it is now (recorded beside each answer).
     *
     * @throws Refusal.Conflict naming lockVersion when no draft is open (a submitted assessment cannot be submitted
     *     again) or the lockVersion is stale
     * @throws Refusal.Invalid naming each field in the way: a criterion unscored ({@code answers.capacity.score}),
     *     an amber or red without justification ({@code answers.capacity.justification}), a red without a plan item
     *     ({@code answers.capacity.planItems}), a target date outside the 180 days ({@code planItems[0].targetDate})
     */
    @Transactional
    public Assessment submit(String domainKey, Integer lockVersion, Caller caller) {
        domains.nameOf(domainKey);
        refuseUnlessEditor(domainKey, caller, "submit the readiness assessment of " + domainKey);
        return submitDraft(domainKey, lockVersion, caller.name(), clock.instant());
    }

    /**
     * For the demo catalog only (demo.DemoCatalog, at start-up, where nobody is signed in): saves a whole draft and
     * submits it as {@code actor}, as of {@code at} (in the past, so that the demo has history and a stale
     * assessment), in one transaction, under the same rules as a person's save and submission. The rules' "today" is
     * {@code at}'s day; the evidence is the catalog's as it is now.
     */
    @Transactional
    public Assessment submitOnBehalf(String domainKey, DraftRequest request, String actor, Instant at) {
        domains.nameOf(domainKey);
        Assessment draft = save(domainKey, request, actor, at).draft();
        return submitDraft(domainKey, draft.lockVersion, actor, at);
    }

    /**
     * For the demo catalog only (as {@link #submitOnBehalf}): saves a draft as {@code actor}, as of {@code at}, and
     * leaves it open.
     */
    @Transactional
    public Saved saveOnBehalf(String domainKey, DraftRequest request, String actor, Instant at) {
        domains.nameOf(domainKey);
        return save(domainKey, request, actor, at);
    }

    private Assessment submitDraft(String domainKey, Integer lockVersion, String actor, Instant now) {
        Assessment draft = openDraft(domainKey).orElseThrow(() -> noOpenDraft(domainKey));
        if (lockVersion == null) {
            throw Refusal.invalid(
                    "The submission is not valid",
                    "lockVersion",
                    "is required: the draft's lockVersion as read (now " + draft.lockVersion + ")");
        }
        if (lockVersion != draft.lockVersion) {
            throw stale(draft);
        }
        Map<Criterion, Answer> answers = byCriterion(answersOf(draft.id));
        List<PlanItem> plan = planItemsOf(draft.id);
        List<FieldProblem> problems = submissionProblems(answers, plan, today(now));
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The assessment cannot be submitted yet", problems);
        }
        DomainEvidence found = evidence.of(domainKey);
        for (Answer answer : answers.values()) {
            snapshot(answer, found);
        }
        // Answers change while the assessment is still a draft: once it is submitted the trigger refuses them.
        em.flush();
        Map<Criterion, Score> scores = scores(answers);
        draft.state = Assessment.SUBMITTED;
        draft.submittedAt = now;
        draft.submittedBy = actor;
        draft.updatedAt = now;
        draft.updatedBy = actor;
        draft.verdict = Verdict.of(scores, Set.of()).key();
        draft.diverges = answers.values().stream().anyMatch(AssessmentService::diverges);
        ConcurrentWrites.flushOrConflict(
                "the draft of " + domainKey + " was changed or submitted by someone else at the same time; read it"
                        + " again",
                "lockVersion");
        record(
                actor,
                "readiness.submitted",
                draft.id,
                domainKey,
                null,
                draft.verdict + (draft.diverges ? " (diverges from the evidence)" : "") + "; "
                        + scores.entrySet().stream()
                                .map(e -> e.getKey().key() + " " + e.getValue().key())
                                .collect(Collectors.joining(", ")));
        return draft;
    }

    /**
     * Waives one red criterion of the domain's latest submitted assessment, as the council: until the waiver expires
     * the red counts as amber in the verdict shown.
     *
     * @throws Refusal.NotFound when the domain or the assessment (of this domain) does not exist
     * @throws Refusal.Forbidden unless the caller is on the council
     * @throws Refusal.Conflict naming id when the assessment is a draft or not the latest submission, naming criterion
     *     when that criterion of it is already waived
     * @throws Refusal.Invalid naming criterion (unknown, or not red), reason (missing, too long) or expiresOn (missing,
     *     not after today, more than a year ahead)
     */
    @Transactional
    public Waiver waive(String domainKey, String assessmentId, WaiverRequest request, Caller caller) {
        domains.nameOf(domainKey);
        caller.refuseUnlessCouncil("waive a red readiness criterion");
        return waiveAs(domainKey, assessmentId, request, caller.name());
    }

    /**
     * For the demo catalog only (demo.DemoCatalog, at start-up, where nobody is signed in): waives as {@code actor}
     * (the council member named), under the same rules as {@link #waive}.
     */
    @Transactional
    public Waiver waiveOnBehalf(String domainKey, String assessmentId, WaiverRequest request, String actor) {
        domains.nameOf(domainKey);
        return waiveAs(domainKey, assessmentId, request, actor);
    }

    private Waiver waiveAs(String domainKey, String assessmentId, WaiverRequest request, String actor) {
        Assessment assessment = Assessment.<Assessment>findByIdOptional(id(assessmentId))
                .filter(a -> a.domainKey.equals(domainKey))
                .orElseThrow(() ->
                        Refusal.notFound("Domain " + domainKey + " has no readiness assessment " + assessmentId + "."));
        if (!assessment.submitted()) {
            throw Refusal.conflict(
                    "assessment " + assessment.id + " is a draft: only a submitted assessment's red can be waived",
                    "id");
        }
        Assessment latest = latestSubmitted(domainKey).orElseThrow();
        if (!latest.id.equals(assessment.id)) {
            throw Refusal.conflict(
                    "assessment " + assessment.id + " is not the latest submission of " + domainKey + "; waive a red of"
                            + " assessment " + latest.id + " instead",
                    "id");
        }
        if (request == null) {
            throw Refusal.invalid("The waiver is not valid", "criterion", "is required: the red criterion's key");
        }
        LocalDate today = today(clock.instant());
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Criterion> criterion = Optional.empty();
        if (blank(request.criterion())) {
            problems.add(new FieldProblem("criterion", "is required: the key of a red criterion"));
        } else {
            criterion = criterion(request.criterion());
            if (criterion.isEmpty()) {
                problems.add(new FieldProblem("criterion", "is not a criterion; use one of " + criterionKeys()));
            } else {
                String score = byCriterion(answersOf(assessment.id)).get(criterion.get()).score;
                if (!Score.RED.key().equals(score)) {
                    problems.add(new FieldProblem(
                            "criterion", criterion.get().key() + " is " + score + ": only a red criterion is waived"));
                }
            }
        }
        if (blank(request.reason())) {
            problems.add(new FieldProblem("reason", "is required: why the red may count as amber for now"));
        } else if (request.reason().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON + " characters"));
        }
        if (request.expiresOn() == null) {
            problems.add(new FieldProblem(
                    "expiresOn", "is required: the last day the waiver holds, such as " + today.plusMonths(3)));
        } else if (!request.expiresOn().isAfter(today)) {
            problems.add(new FieldProblem("expiresOn", "must be after today (" + today + ")"));
        } else if (request.expiresOn().isAfter(today.plusYears(1))) {
            problems.add(new FieldProblem(
                    "expiresOn", "must be at most one year ahead, on or before " + today.plusYears(1)));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The waiver is not valid", problems);
        }
        String key = criterion.orElseThrow().key();
        if (Waiver.count("assessmentId = ?1 and criterion = ?2", assessment.id, key) > 0) {
            throw Refusal.conflict(
                    key + " of assessment " + assessment.id + " is already waived; a new waiver needs a new"
                            + " assessment",
                    "criterion");
        }
        Waiver waiver = new Waiver();
        waiver.assessmentId = assessment.id;
        waiver.criterion = key;
        waiver.reason = request.reason().strip();
        waiver.expiresOn = request.expiresOn();
        waiver.waivedAt = clock.instant();
        waiver.waivedBy = actor;
        ConcurrentWrites.writeOrConflict(
                waiver::persistAndFlush,
                key + " of assessment " + assessment.id + " was waived by someone else at the same time",
                "criterion");
        record(
                actor,
                "readiness.waived",
                assessment.id,
                domainKey,
                key + " red",
                key + " counts as amber until " + waiver.expiresOn + ": " + waiver.reason);
        return waiver;
    }

    /**
     * Marks a plan item of one of the domain's submitted assessments done (the one change a submission allows).
     *
     * @throws Refusal.NotFound when the domain or the plan item (of this domain) does not exist
     * @throws Refusal.Forbidden unless the caller owns the domain or is on the council
     * @throws Refusal.Conflict naming id when the item is already done, or still part of the open draft
     */
    @Transactional
    public PlanItem markDone(String domainKey, String planItemId, Caller caller) {
        domains.nameOf(domainKey);
        refuseUnlessEditor(domainKey, caller, "mark a readiness plan item of " + domainKey + " done");
        return markDoneAs(domainKey, planItemId, caller.name(), clock.instant());
    }

    /**
     * For the demo catalog only (as {@link #submitOnBehalf}): marks a plan item done as {@code actor}, as of
     * {@code at}.
     */
    @Transactional
    public PlanItem markDoneOnBehalf(String domainKey, String planItemId, String actor, Instant at) {
        domains.nameOf(domainKey);
        return markDoneAs(domainKey, planItemId, actor, at);
    }

    private PlanItem markDoneAs(String domainKey, String planItemId, String actor, Instant at) {
        PlanItem item = PlanItem.<PlanItem>findByIdOptional(id(planItemId))
                .filter(i -> Assessment.<Assessment>findByIdOptional(i.assessmentId)
                        .map(a -> a.domainKey.equals(domainKey))
                        .orElse(false))
                .orElseThrow(() ->
                        Refusal.notFound("Domain " + domainKey + " has no readiness plan item " + planItemId + "."));
        Assessment assessment = Assessment.findById(item.assessmentId);
        if (!assessment.submitted()) {
            throw Refusal.conflict(
                    "plan item " + item.id + " is part of the open draft: change it in the draft, and mark it done"
                            + " once the assessment is submitted",
                    "id");
        }
        if (item.doneAt != null) {
            throw Refusal.conflict(
                    "plan item " + item.id + " was already marked done by " + item.doneBy + " at " + item.doneAt, "id");
        }
        item.doneAt = at;
        item.doneBy = actor;
        ConcurrentWrites.flushOrConflict(
                "plan item " + item.id + " was marked done by someone else at the same time", "id");
        record(
                actor,
                "readiness.plan-item-done",
                assessment.id,
                domainKey,
                item.criterion + ": " + item.action,
                "done");
        return item;
    }

    // ---- the rules, shared with the queries that show what a submission would be refused for ----

    /**
     * What keeps a draft from being submitted on {@code today}: each criterion scored; amber and red justified; each
     * red with at least one plan item; every plan item's target date from today to 180 days ahead.
     */
    static List<FieldProblem> submissionProblems(Map<Criterion, Answer> answers, List<PlanItem> plan, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate latest = today.plusDays(PLAN_HORIZON_DAYS);
        for (Criterion criterion : Criterion.values()) {
            Answer answer = answers.get(criterion);
            String field = "answers." + criterion.key();
            if (answer == null || answer.score == null) {
                problems.add(new FieldProblem(field + ".score", "is required: green, amber or red"));
                continue;
            }
            if (!Score.GREEN.key().equals(answer.score) && blank(answer.justification)) {
                problems.add(new FieldProblem(
                        field + ".justification",
                        "is required for " + answer.score + ": say why " + criterion.title() + " is not green"));
            }
            if (Score.RED.key().equals(answer.score)
                    && plan.stream().noneMatch(item -> item.criterion.equals(criterion.key()))) {
                problems.add(new FieldProblem(
                        field + ".planItems",
                        "plan item required: a red needs at least one plan item for " + criterion.title()
                                + " (an action, its owner and a target date by " + latest + ")"));
            }
        }
        for (int i = 0; i < plan.size(); i++) {
            LocalDate target = plan.get(i).targetDate;
            if (target.isBefore(today)) {
                problems.add(new FieldProblem(
                        "planItems[" + i + "].targetDate",
                        "is before today (" + today + "): set a date from today to " + latest));
            } else if (target.isAfter(latest)) {
                problems.add(new FieldProblem(
                        "planItems[" + i + "].targetDate",
                        "is more than " + PLAN_HORIZON_DAYS + " days ahead: set a date on or before " + latest));
            }
        }
        return problems;
    }

    /** {@link Divergence}'s rule for a stored answer and the evidence level recorded beside it. */
    static boolean diverges(Answer answer) {
        return answer.score != null
                && answer.evidenceLevel != null
                && Divergence.diverges(Score.ofKey(answer.score, "score"), Score.ofKey(answer.evidenceLevel, "level"));
    }

    static Map<Criterion, Score> scores(Map<Criterion, Answer> answers) {
        Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
        answers.forEach((criterion, answer) -> {
            if (answer.score != null) {
                scores.put(criterion, Score.ofKey(answer.score, "score"));
            }
        });
        return scores;
    }

    static Map<Criterion, Answer> byCriterion(List<Answer> answers) {
        Map<Criterion, Answer> map = new EnumMap<>(Criterion.class);
        for (Answer answer : answers) {
            map.put(Criterion.ofKey(answer.criterion, "criterion"), answer);
        }
        return map;
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    static Optional<Criterion> criterion(String key) {
        return Arrays.stream(Criterion.values())
                .filter(c -> c.key().equals(key))
                .findFirst();
    }

    static String criterionKeys() {
        return Arrays.stream(Criterion.values()).map(Criterion::key).collect(Collectors.joining(", "));
    }

    /** Owners of the domain and the council edit its assessment. */
    static boolean mayEdit(String domainKey, Caller caller) {
        return caller.isCouncil() || caller.owns(domainKey);
    }

    // ---- reading and writing rows ----

    static Optional<Assessment> openDraft(String domainKey) {
        return Assessment.find("domainKey = ?1 and state = ?2", domainKey, Assessment.DRAFT)
                .firstResultOptional();
    }

    static Optional<Assessment> latestSubmitted(String domainKey) {
        return Assessment.find(
                        "domainKey = ?1 and state = ?2 order by submittedAt desc, id desc",
                        domainKey,
                        Assessment.SUBMITTED)
                .firstResultOptional();
    }

    static List<Answer> answersOf(long assessmentId) {
        return Answer.list("assessmentId", assessmentId);
    }

    /** The ids of an assessment's plan items, in their order (for the demo catalog, which marks some done). */
    @Transactional
    public List<Long> planItemIds(long assessmentId) {
        return planItemsOf(assessmentId).stream().map(item -> item.id).toList();
    }

    static List<PlanItem> planItemsOf(long assessmentId) {
        return PlanItem.list("assessmentId = ?1 order by position, id", assessmentId);
    }

    /**
     * Opens a draft: the current questionnaire, one answer row per criterion and the open plan items, copied from the
     * last submission when there is one.
     */
    private Assessment open(String domainKey, String actor, Instant now) {
        Optional<Assessment> last = latestSubmitted(domainKey);
        Assessment draft = new Assessment();
        draft.domainKey = domainKey;
        draft.questionnaireVersion = Questionnaire.current().version;
        draft.state = Assessment.DRAFT;
        draft.startedFrom = last.map(a -> a.id).orElse(null);
        draft.createdAt = now;
        draft.createdBy = actor;
        draft.updatedAt = now;
        draft.updatedBy = actor;
        ConcurrentWrites.writeOrConflict(
                draft::persistAndFlush,
                "a draft of " + domainKey + " was opened by someone else at the same time; read it and save again",
                "lockVersion");
        Map<Criterion, Answer> previous =
                last.map(a -> byCriterion(answersOf(a.id))).orElse(Map.of());
        for (Criterion criterion : Criterion.values()) {
            Answer answer = new Answer();
            answer.assessmentId = draft.id;
            answer.criterion = criterion.key();
            answer.evidence = Map.of();
            Answer copied = previous.get(criterion);
            if (copied != null) {
                answer.score = copied.score;
                answer.justification = copied.justification;
                answer.evidenceLevel = copied.evidenceLevel;
                answer.evidence = copied.evidence;
            }
            answer.persist();
        }
        if (last.isPresent()) {
            int position = 0;
            for (PlanItem open : planItemsOf(last.get().id)) {
                if (open.doneAt == null) {
                    PlanItem item = new PlanItem();
                    item.assessmentId = draft.id;
                    item.criterion = open.criterion;
                    item.position = position++;
                    item.action = open.action;
                    item.owner = open.owner;
                    item.targetDate = open.targetDate;
                    item.persist();
                }
            }
        }
        return draft;
    }

    /** Records the evidence for the answer's criterion beside it: level and facts, as they are now. */
    private static void snapshot(Answer answer, DomainEvidence found) {
        CriterionEvidence criterion = found.criteria().get(Criterion.ofKey(answer.criterion, "criterion"));
        answer.evidenceLevel = criterion == null || criterion.level() == null
                ? null
                : criterion.level().key();
        answer.evidence = criterion == null ? Map.of() : evidenceJson(criterion, found.computedAt());
    }

    /** The stored shape of one criterion's evidence: {@code {computedAt, rule, facts: [{name, label, value, display}]}}. */
    static Map<String, Object> evidenceJson(CriterionEvidence criterion, Instant computedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("computedAt", computedAt.toString());
        json.put("rule", criterion.rule() == null ? "" : criterion.rule());
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Fact fact : criterion.facts() == null ? List.<Fact>of() : criterion.facts()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", fact.name());
            f.put("label", fact.label());
            f.put("value", fact.value());
            f.put("display", fact.display());
            facts.add(f);
        }
        json.put("facts", facts);
        return json;
    }

    /** Reads and checks a draft request: every problem at once, by field. */
    private static Content read(DraftRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Criterion, Answer> answers = new EnumMap<>(Criterion.class);
        if (request.answers() != null) {
            for (Map.Entry<String, AnswerRequest> entry : request.answers().entrySet()) {
                String field = "answers." + entry.getKey();
                Optional<Criterion> criterion = criterion(entry.getKey());
                if (criterion.isEmpty()) {
                    problems.add(new FieldProblem(field, "is not a criterion; use one of " + criterionKeys()));
                    continue;
                }
                AnswerRequest sent = entry.getValue();
                Answer answer = new Answer();
                if (sent != null && !blank(sent.score())) {
                    if (criterionScore(sent.score()).isEmpty()) {
                        problems.add(new FieldProblem(field + ".score", "must be green, amber or red"));
                    } else {
                        answer.score = sent.score();
                    }
                }
                if (sent != null && !blank(sent.justification())) {
                    if (sent.justification().length() > MAX_JUSTIFICATION) {
                        problems.add(new FieldProblem(
                                field + ".justification", "is longer than " + MAX_JUSTIFICATION + " characters"));
                    }
                    answer.justification = sent.justification().strip();
                }
                answers.put(criterion.get(), answer);
            }
        }
        List<PlanItemRequest> plan = request.planItems() == null ? List.of() : request.planItems();
        if (plan.size() > MAX_PLAN_ITEMS) {
            problems.add(new FieldProblem("planItems", "holds " + plan.size() + " items; at most " + MAX_PLAN_ITEMS));
        }
        for (int i = 0; i < plan.size() && i < MAX_PLAN_ITEMS; i++) {
            PlanItemRequest item = plan.get(i);
            String field = "planItems[" + i + "]";
            if (item == null) {
                problems.add(new FieldProblem(field, "must be an object with criterion, action, owner, targetDate"));
                continue;
            }
            if (blank(item.criterion())) {
                problems.add(new FieldProblem(field + ".criterion", "is required: the criterion the item is for"));
            } else if (criterion(item.criterion()).isEmpty()) {
                problems.add(
                        new FieldProblem(field + ".criterion", "is not a criterion; use one of " + criterionKeys()));
            }
            required(problems, field + ".action", item.action(), MAX_ACTION, "what will be done");
            required(problems, field + ".owner", item.owner(), MAX_OWNER, "who does it");
            if (item.targetDate() == null) {
                problems.add(new FieldProblem(field + ".targetDate", "is required: by when, such as 2027-03-01"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The draft is not valid", problems);
        }
        return new Content(answers, plan);
    }

    /** One change in the audit trail, in the change's transaction: subject type readiness-assessment, by its id. */
    private void record(String actor, String action, Long assessmentId, String domainKey, String before, String after) {
        audit.record(new AuditLog.Change(
                actor, action, "readiness-assessment", assessmentId.toString(), domainKey, before, after));
    }

    private static void required(List<FieldProblem> problems, String field, String text, int max, String what) {
        if (blank(text)) {
            problems.add(new FieldProblem(field, "is required: " + what));
        } else if (text.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
        }
    }

    private static Optional<Score> criterionScore(String key) {
        return Arrays.stream(Score.values()).filter(s -> s.key().equals(key)).findFirst();
    }

    private static void refuseUnlessEditor(String domainKey, Caller caller, String action) {
        if (!mayEdit(domainKey, caller)) {
            caller.refuseUnlessOwnerOf(domainKey, action + " (or be on the governance council)");
        }
    }

    private static Refusal.Conflict stale(Assessment draft) {
        return Refusal.conflict(
                "the draft of " + draft.domainKey + " was changed since you read it (lockVersion is now "
                        + draft.lockVersion + " by " + draft.updatedBy + "); read it again and send your changes",
                "lockVersion");
    }

    private static Refusal.Conflict noOpenDraft(String domainKey) {
        String last = latestSubmitted(domainKey)
                .map(a -> "; the last one was submitted as assessment " + a.id + " at " + a.submittedAt)
                .orElse("");
        return Refusal.conflict(
                "no draft of " + domainKey + " is open" + last + ". A submitted assessment never changes: save"
                        + " without lockVersion to open a new draft from it",
                "lockVersion");
    }

    /** A path id: a number, else nothing by that id (404). */
    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
