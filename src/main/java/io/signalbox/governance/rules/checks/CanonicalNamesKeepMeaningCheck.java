package io.signalbox.governance.rules.checks;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.governance.canonical.CanonicalModel;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * A column named like a canonical attribute is that attribute. Identifiers (service_id, customer_id …) are join keys
 * everywhere; other canonical names count within products about that entity.
 */
@ApplicationScoped
public class CanonicalNamesKeepMeaningCheck implements RuleCheck {

    @Override
    public String ruleId() {
        return "canonical-names-keep-meaning";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        Set<String> implemented = proposal.implementedEntities();
        for (ColumnSpec column : proposal.descriptor().columns()) {
            String name = Proposal.leafName(column);
            for (CanonicalModel.Entity entity : proposal.model().all()) {
                boolean identifier = entity.identifierAttribute().equals(name);
                boolean inScope = identifier || implemented.contains(entity.name());
                CanonicalModel.Attribute attribute = entity.attributes().get(name);
                if (!inScope || attribute == null) {
                    continue;
                }
                String qualified = entity.qualified(name);
                if (qualified.equals(column.canonicalAttribute())) {
                    continue;
                }
                String mapped = column.canonicalAttribute() == null
                        ? "is not mapped to it"
                        : "is mapped to " + column.canonicalAttribute() + " instead";
                findings.add(
                        Proposal.path(column),
                        column.name() + " is named like the canonical " + qualified + " (" + attribute.meaning()
                                + ") but " + mapped,
                        "if it holds " + qualified + ", add customProperties: [{property: canonical, value: "
                                + qualified + "}]; if it means something else, rename the column");
            }
        }
    }
}
