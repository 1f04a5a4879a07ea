package io.signalbox.catalog.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Publications as Prometheus sees them: {@code signalbox_publications_total{outcome="accepted"|"refused"}} and
 * {@code signalbox_publication_refusals_total{rule}}, one count per blocking rule of each refusal (the rule ids are
 * the council's, a few dozen at most, so the series stay bounded). Dry runs are not counted. Per replica; sum them.
 */
@ApplicationScoped
public class PublicationMetrics {

    @Inject
    MeterRegistry registry;

    /** Counts an accepted publication once its transaction has committed (a rolled-back one never happened). */
    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicationAccepted accepted) {
        registry.counter("signalbox.publications", "outcome", "accepted").increment();
    }

    /** Counts a publication the council's rules refused, and each blocking rule it broke. */
    void refused(PublicationGate.Verdict verdict) {
        registry.counter("signalbox.publications", "outcome", "refused").increment();
        verdict.blocking().stream()
                .map(PublicationGate.Finding::rule)
                .distinct()
                .forEach(rule -> registry.counter("signalbox.publication.refusals", "rule", rule)
                        .increment());
    }
}
