package io.signalbox.readiness.onboarding;

import io.signalbox.catalog.domain.DomainReadiness;
import io.signalbox.readiness.heatmap.Heatmap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;

/**
 * Answers the catalog's {@link DomainReadiness} port: the domain page's latest readiness verdict (as the heatmap
 * computes it, waivers in force today) and the council's current onboarding decision. Two indexed reads.
 */
@ApplicationScoped
public class Standings implements DomainReadiness {

    @Inject
    Heatmap heatmap;

    @Inject
    OnboardingService onboarding;

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<Standing> of(String domainKey) {
        Optional<Heatmap.Row> latest = heatmap.latestOf(domainKey);
        Optional<OnboardingService.View> decision = onboarding.current(domainKey);
        if (latest.isEmpty() && decision.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Standing(
                latest.map(Heatmap.Row::verdict).orElse(null),
                latest.map(Heatmap.Row::verdictLabel).orElse(null),
                latest.map(Heatmap.Row::assessedOn).orElse(null),
                latest.map(Heatmap.Row::stale).orElse(false),
                decision.map(OnboardingService.View::decision).orElse(null),
                decision.map(OnboardingService.View::label).orElse(null),
                decision.map(OnboardingService.View::reason).orElse(null),
                decision.map(OnboardingService.View::decidedOn).orElse(null),
                "/domains/" + domainKey + "/readiness"));
    }
}
