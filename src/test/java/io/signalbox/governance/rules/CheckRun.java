package io.signalbox.governance.rules;

import java.util.List;
import java.util.Map;

/** Runs one rule's check as the gate does, with the council's default parameters unless a test sets its own. */
public final class CheckRun {

    private CheckRun() {}

    public static List<Findings.Found> findingsOf(RuleCheck check, Proposal proposal) {
        return findingsOf(check, proposal, Council.parameters(check.ruleId()));
    }

    public static List<Findings.Found> findingsOf(RuleCheck check, Proposal proposal, Map<String, Object> parameters) {
        Findings findings = new Findings(parameters);
        check.check(proposal, findings);
        return List.copyOf(findings.found());
    }
}
