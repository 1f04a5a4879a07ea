package io.signalbox.governance.rules.checks;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import jakarta.enterprise.context.ApplicationScoped;

/** The documentation a reader needs to find, judge and ask about a product. */
@ApplicationScoped
public class DocumentationCompleteCheck implements RuleCheck {

    @Override
    public String ruleId() {
        return "documentation-complete";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        ProductDescriptor d = proposal.descriptor();
        if (d.ownerEmail() == null || d.ownerEmail().isBlank()) {
            findings.add(
                    "team.members",
                    "no owner with a contact is named",
                    "add a team member with role: owner and an e-mail address as username");
        }
        if (d.support().isEmpty()) {
            findings.add(
                    "support",
                    "no support channel is given",
                    "add support: [{channel: '#your-channel', url: https://…}] so readers know where to ask");
        }
        if (d.consumers().isEmpty()) {
            findings.add(
                    "customProperties.consumers",
                    "no consumers are declared",
                    "list the teams that read this product (team, domain, purpose, contact); they are the ones told"
                            + " of deprecations");
        }
        if (d.columns().isEmpty()) {
            findings.add(
                    "contracts",
                    "no schema is published",
                    "add a DataContract document with a schema: objects and their properties (columns)");
        }
        if (d.classification() == null) {
            findings.add(
                    "customProperties.classification",
                    "the product has no classification label",
                    "add customProperties: [{property: classification, value: internal}] (or public, confidential,"
                            + " restricted)");
        }
        if (d.changelog() == null || d.changelog().isBlank()) {
            findings.add(
                    "customProperties.changelog",
                    "there is no changelog",
                    "add customProperties: [{property: changelog, value: what changed in this version and why}]");
        }
    }
}
