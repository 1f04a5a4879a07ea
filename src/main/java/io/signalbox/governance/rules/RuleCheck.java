package io.signalbox.governance.rules;

/**
 * The code behind one rule, checked on every publication. Implementations are CDI beans; the gate runs the check of
 * every rule the council enforces at publication, with the rule's current parameters.
 */
public interface RuleCheck {

    /** The id of the rule in {@code governance_rule} this check implements. */
    String ruleId();

    void check(Proposal proposal, Findings findings);
}
