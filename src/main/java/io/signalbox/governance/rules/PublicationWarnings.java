package io.signalbox.governance.rules;

import io.signalbox.catalog.publishing.PublicationAccepted;
import io.signalbox.catalog.publishing.PublicationGate.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The warnings each version was published with: kept when the publication is accepted, read for its pages. */
@ApplicationScoped
public class PublicationWarnings {

    /** In the publication's transaction: the verdict's warnings are stored against the new version. */
    void keep(@Observes PublicationAccepted accepted) {
        for (Finding warning : accepted.verdict().warnings()) {
            PublicationWarning stored = new PublicationWarning();
            stored.versionId = accepted.version().id;
            stored.ruleId = warning.rule();
            stored.severity = warning.severity();
            stored.field = warning.field();
            stored.problem = warning.problem();
            stored.fix = warning.fix();
            stored.persist();
        }
    }

    /** The warnings a version was published with, told in the words of the rules they come from. */
    public List<Finding> of(long versionId) {
        return of(
                versionId,
                GovernanceRule.listInOrder().stream().collect(Collectors.toMap(r -> r.id, Function.identity())));
    }

    /** The same, told in the words of {@code rulesById} (the rules by id) that the caller has already read. */
    public List<Finding> of(long versionId, Map<String, GovernanceRule> rulesById) {
        return PublicationWarning.findingsOf(versionId, rulesById);
    }
}
