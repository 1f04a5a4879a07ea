package io.signalbox.governance.compliance;

import io.signalbox.catalog.product.StandingReader;
import io.signalbox.catalog.publishing.PublicationGate.Finding;
import io.signalbox.governance.rules.PublicationWarnings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Answers the catalog's {@link StandingReader} for product pages: the latest judgement and a version's warnings. */
@ApplicationScoped
public class ComplianceStandings implements StandingReader {

    @Inject
    PublicationWarnings warnings;

    @Override
    public Optional<Standing> standingOf(long productId) {
        return ComplianceEvaluation.latestOf(productId)
                .map(e -> new Standing(e.status, e.evaluatedAt, List.copyOf(e.findings)));
    }

    @Override
    public List<Finding> warningsOf(long versionId) {
        return warnings.of(versionId);
    }
}
