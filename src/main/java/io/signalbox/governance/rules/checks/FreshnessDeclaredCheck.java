package io.signalbox.governance.rules.checks;

import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import jakarta.enterprise.context.ApplicationScoped;

/** Consumers know when to expect new data. */
@ApplicationScoped
public class FreshnessDeclaredCheck implements RuleCheck {

    @Override
    public String ruleId() {
        return "freshness-declared";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        if (proposal.descriptor().slaFreshness() == null) {
            findings.add(
                    "contracts.slaProperties",
                    "no freshness is declared",
                    "add slaProperties: [{property: freshness, value: daily by 06:00 UTC}] (or latency, frequency)"
                            + " to the contract");
        }
    }
}
