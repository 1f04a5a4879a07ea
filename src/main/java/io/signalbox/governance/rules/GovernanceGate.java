package io.signalbox.governance.rules;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.publishing.PublicationGate;
import io.signalbox.governance.canonical.CanonicalModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The publication gate: every rule the council enforces at publication, run against a descriptor before anything
 * is written, with the rules' current severities and parameters. Blocking findings refuse the publication; warnings
 * are published with it (kept by {@link PublicationWarnings}). It only reads.
 */
@ApplicationScoped
public class GovernanceGate implements PublicationGate {

    private final Map<String, RuleCheck> checks;

    @Inject
    public GovernanceGate(Instance<RuleCheck> checks) {
        this.checks = checks.stream().collect(Collectors.toMap(RuleCheck::ruleId, Function.identity()));
    }

    @Override
    public Verdict evaluate(ProductDescriptor descriptor, Optional<ProductVersion> previous) {
        List<SchemaDiff.Change> changes = previous.map(p -> SchemaDiff.compare(
                        SchemaDiff.ofStored(p.columns), SchemaDiff.ofDescriptor(descriptor.columns())))
                .orElse(List.of());
        Proposal proposal = new Proposal(descriptor, previous, changes, CanonicalModel.load());
        List<Finding> findings = new ArrayList<>();
        for (GovernanceRule rule : GovernanceRule.listInOrder()) {
            RuleCheck check = checks.get(rule.id);
            if (check == null || !"publication".equals(rule.enforcedAt)) {
                continue;
            }
            Findings found = new Findings(rule.parameters);
            check.check(proposal, found);
            for (Findings.Found f : found.found()) {
                findings.add(new Finding(
                        rule.id, rule.category, rule.statement, rule.severity, f.field(), f.problem(), f.fix()));
            }
        }
        return new Verdict(
                RuleSetVersion.latest(),
                findings,
                previous.map(p -> p.version).orElse(null),
                changes.stream()
                        .map(c -> new SchemaChange(
                                c.kind().label(), c.column(), c.before(), c.after(), c.breaking(), c.why()))
                        .toList());
    }
}
