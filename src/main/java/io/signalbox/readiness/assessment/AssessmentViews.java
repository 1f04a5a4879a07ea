package io.signalbox.readiness.assessment;

import io.signalbox.readiness.Verdict;
import io.signalbox.web.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the readiness page and its JSON twin show: read-shaped records, built by {@link AssessmentQueries}. */
public final class AssessmentViews {

    private AssessmentViews() {}

    /**
     * A domain's readiness: {@code GET /api/domains/{key}/readiness} and the page.
     *
     * @param mayEdit the caller may save and submit the draft (an owner of the domain or the council)
     * @param mayWaive the caller may waive a red criterion (the council)
     * @param latest the latest submitted assessment, with its verdict as waivers in force today make it; null when none
     * @param draftOpen a draft is open (whoever may see it)
     * @param draft for those who may edit: the open draft, or when none is open what a new one starts from (its
     *     {@code id} and {@code lockVersion} null: save it with lockVersion null to open it); null for everyone else
     * @param items the history: submitted assessments, newest first, one page ({@code ?size=}, {@code ?after=})
     * @param next the next page of the history, absent on the last
     */
    public record ReadinessView(
            String domainKey,
            String domainName,
            boolean mayEdit,
            boolean mayWaive,
            AssessmentView latest,
            boolean draftOpen,
            AssessmentView draft,
            List<HistoryItem> items,
            String next) {}

    /**
     * One assessment, draft or submitted.
     *
     * @param verdict for a submission the verdict fixed when it was submitted (waivers not counted); for a draft the
     *     verdict it would get if submitted as it is (an unanswered criterion counts as red)
     * @param effectiveVerdict the verdict with the council's waivers in force today (a waived red counts as amber)
     * @param diverges some self-score is two levels better than its evidence (fixed at submission; for a draft as
     *     the saved evidence stands)
     * @param lockVersion for a draft, what a save or submission must send back; null for a draft not yet opened
     * @param toSubmit for a draft, what a submission would be refused for today (each problem by field); empty for a
     *     submission
     */
    public record AssessmentView(
            Long id,
            String domainKey,
            String state,
            int questionnaireVersion,
            Long startedFrom,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy,
            Instant submittedAt,
            String submittedBy,
            String verdict,
            String effectiveVerdict,
            boolean diverges,
            Integer lockVersion,
            List<AnswerView> answers,
            List<PlanItemView> planItems,
            List<WaiverView> waivers,
            List<FieldProblem> toSubmit) {

        /** The effective verdict in words, for pages. */
        public String effectiveVerdictLabel() {
            return effectiveVerdict == null
                    ? ""
                    : Verdict.ofKey(effectiveVerdict).label();
        }

        /** The verdict in words, for pages. */
        public String verdictLabel() {
            return verdict == null ? "" : Verdict.ofKey(verdict).label();
        }

        /** True when a waiver in force turns this submission's verdict around. */
        public boolean verdictWaived() {
            return verdict != null && !verdict.equals(effectiveVerdict);
        }
    }

    /**
     * One criterion's answer, with the catalog's evidence beside it as it was saved.
     *
     * @param score {@code green}, {@code amber}, {@code red} or null while unanswered
     * @param diverges the score is two levels better than the evidence's level
     * @param waived a waiver of this red is in force today
     */
    public record AnswerView(
            String criterion,
            String title,
            String question,
            String score,
            String justification,
            EvidenceView evidence,
            boolean diverges,
            boolean waived) {}

    /**
     * The catalog's evidence for one criterion as recorded with the answer.
     *
     * @param level {@code green}, {@code amber}, {@code red}, or null when there was nothing to judge
     * @param computedAt when it was computed; null when it was never computed
     */
    public record EvidenceView(String level, List<FactView> facts, String rule, Instant computedAt) {}

    /** One fact of the evidence: name, what it measures, its value (a share 0.0–1.0 or a count) and as shown. */
    public record FactView(String name, String label, Double value, String display) {}

    /** One capability-building plan item; {@code overdue} when not done after its target date. */
    public record PlanItemView(
            Long id,
            String criterion,
            String action,
            String owner,
            LocalDate targetDate,
            Instant doneAt,
            String doneBy,
            boolean overdue) {}

    /** A council waiver of a red criterion; {@code inForce} until its expiry date (inclusive, UTC). */
    public record WaiverView(
            String criterion, String reason, LocalDate expiresOn, Instant waivedAt, String waivedBy, boolean inForce) {}

    /**
     * One submitted assessment in the history.
     *
     * @param scores criterion key → score
     * @param moves criterion key → {@code better}, {@code worse} or {@code same} against the submission before it;
     *     absent for the first submission
     */
    public record HistoryItem(
            long id,
            Instant submittedAt,
            String submittedBy,
            int questionnaireVersion,
            String verdict,
            String effectiveVerdict,
            boolean diverges,
            Map<String, String> scores,
            Map<String, String> moves) {

        /** The effective verdict in words, for pages. */
        public String effectiveVerdictLabel() {
            return Verdict.ofKey(effectiveVerdict).label();
        }
    }

    /** Shown after a form was handled (Post/Redirect/Get). */
    static final Map<String, String> OUTCOMES = Map.of(
            "saved", "The draft is saved.",
            "submitted", "The assessment is submitted. It can no longer change; the next draft starts from it.",
            "waived", "The red criterion is waived: it counts as amber until the waiver expires.",
            "plan-item-done", "The plan item is marked done.");
}
