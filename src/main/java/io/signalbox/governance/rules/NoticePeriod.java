package io.signalbox.governance.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * The council's minimum deprecation notice: rule {@code deprecation-notice}, parameter {@code minimumNoticeDays}. The
 * council may raise it; {@link RuleService} refuses anything below {@value #FLOOR_DAYS} days (the article's "90 days
 * notice to declared consumers"), so neither a configuration nor a rule change can shorten the promise.
 */
@ApplicationScoped
public class NoticePeriod {

    static final String RULE = "deprecation-notice";
    static final String PARAMETER = "minimumNoticeDays";
    /** The promise to consumers: never less. */
    public static final int FLOOR_DAYS = 90;
    /** A sanity bound: about five years. */
    static final int CEILING_DAYS = 1830;

    /** The minimum time between a notice's issue and its sunset, as the council set it now (at least 90 days). */
    @Transactional
    public Duration minimum() {
        return GovernanceRule.<GovernanceRule>findByIdOptional(RULE)
                .map(rule -> rule.parameters.get(PARAMETER))
                .filter(Number.class::isInstance)
                .map(days -> Math.max(FLOOR_DAYS, ((Number) days).intValue()))
                .map(Duration::ofDays)
                .orElse(Duration.ofDays(FLOOR_DAYS));
    }
}
