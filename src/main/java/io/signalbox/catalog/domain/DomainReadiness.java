package io.signalbox.catalog.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The port through which the domain page and the domain's JSON learn a domain's readiness standing: its latest
 * readiness verdict and the council's onboarding decision (issue 14). The catalog owns it; the readiness feature answers
 * it ({@code readiness.onboarding.Standings}), so the dependency points from readiness to the catalog.
 */
public interface DomainReadiness {

    /** The domain's standing; empty when it was never assessed and the council never decided on it. */
    Optional<Standing> of(String domainKey);

    /**
     * A domain's readiness as the catalog shows it. The assessment fields are null when the domain was never
     * assessed, the decision fields when the council has not decided.
     *
     * @param verdictKey {@code ready-to-pilot} or {@code needs-capability-building}, with the council's waivers in
     *     force today
     * @param verdictLabel the verdict in words ("Ready to pilot")
     * @param assessedOn the day (UTC) the latest assessment was submitted
     * @param stale whether that day is older than the council's period ({@code signalbox.readiness.stale-after})
     * @param decisionKey {@code ready-to-pilot}, {@code needs-capability-building} or {@code stays-on-central-tooling}
     * @param decisionLabel the decision in words
     * @param reason why the council decided so
     * @param decidedOn the day the council decided
     * @param link the page with the details (the domain's readiness page)
     */
    record Standing(
            String verdictKey,
            String verdictLabel,
            LocalDate assessedOn,
            boolean stale,
            String decisionKey,
            String decisionLabel,
            String reason,
            LocalDate decidedOn,
            String link) {

        public boolean assessed() {
            return verdictKey != null;
        }

        public boolean decided() {
            return decisionKey != null;
        }
    }
}
