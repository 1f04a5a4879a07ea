package io.signalbox.governance.rules.checks;

import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import io.signalbox.governance.rules.SchemaDiff;
import jakarta.enterprise.context.ApplicationScoped;

/** Consumers of a major line never meet a change that breaks them. */
@ApplicationScoped
public class BreakingChangeNeedsMajorCheck implements RuleCheck {

    @Override
    public String ruleId() {
        return "breaking-change-needs-major";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        if (proposal.previous().isEmpty()) {
            return;
        }
        ProductVersion previous = proposal.previous().get();
        SemanticVersion proposed = proposal.descriptor().version();
        if (proposed.major() > previous.major) {
            return; // a new major line may break; the previous one stays available
        }
        String nextMajor = (previous.major + 1) + ".0.0";
        for (SchemaDiff.Change change : proposal.schemaChanges()) {
            if (!change.breaking()) {
                continue;
            }
            findings.add(
                    "schema." + change.column(),
                    change.kind().label().replace('-', ' ') + " (" + describe(change) + ") can break consumers of "
                            + previous.version + ": " + change.why(),
                    "publish as " + nextMajor + " so consumers of " + previous.major
                            + ".x keep what they rely on, or undo the change in " + proposed);
        }
    }

    private static String describe(SchemaDiff.Change change) {
        if (change.before() == null && change.after() == null) {
            return change.column();
        }
        return (change.before() == null ? "" : change.before()) + " → "
                + (change.after() == null ? "gone" : change.after());
    }
}
