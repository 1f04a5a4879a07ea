package io.signalbox.governance.rules.checks;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import jakarta.enterprise.context.ApplicationScoped;

/** Every column says how sensitive it is, so access can be granted column by column. */
@ApplicationScoped
public class ColumnsClassifiedCheck implements RuleCheck {

    @Override
    public String ruleId() {
        return "columns-classified";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        for (ColumnSpec column : proposal.descriptor().columns()) {
            if (column.classification() == null) {
                findings.add(
                        Proposal.path(column) + ".classification",
                        column.name() + " has no classification",
                        "add classification: public, internal, confidential or restricted to the column");
            }
        }
    }
}
