package io.signalbox.readiness.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A domain's readiness draft as sent to {@code PUT /api/domains/{key}/readiness/draft} (and built from the page's form):
 * the whole draft, replacing what was saved. A draft may be partial: criteria left out are unanswered.
 *
 * @param lockVersion the open draft's lockVersion as read; null (absent) to open a new draft when none is open (409
 *     naming lockVersion when it does not match)
 * @param answers by criterion key ({@code business-ownership} …): the self-score and its justification
 * @param planItems the capability-building plan, in order (at most 50)
 */
public record DraftRequest(Integer lockVersion, Map<String, AnswerRequest> answers, List<PlanItemRequest> planItems) {

    /**
     * One answer.
     *
     * @param score {@code green}, {@code amber} or {@code red}; null while unanswered
     * @param justification why, in plain words (required for amber and red at submission; at most 4 000 characters)
     */
    public record AnswerRequest(String score, String justification) {}

    /**
     * One plan item.
     *
     * @param criterion the criterion it builds capability for (a criterion key)
     * @param action what will be done (at most 1 000 characters)
     * @param owner who does it: a name or an email address (at most 320 characters)
     * @param targetDate by when (ISO 8601 date); at submission on or after the day of submission and within 180 days
     */
    public record PlanItemRequest(String criterion, String action, String owner, LocalDate targetDate) {}
}
