package io.signalbox.governance.rules.checks;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.Classification;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Personal data is classified as such and says how access is obtained. */
@ApplicationScoped
public class PersonalDataProtectedCheck implements RuleCheck {

    private static final List<String> PROTECTED = List.of("confidential", "restricted");

    @Override
    public String ruleId() {
        return "personal-data-protected";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        // Read as the council's rule service accepted them: any case, surrounding spaces ignored.
        List<Classification> allowed = findings.words("classifications", PROTECTED).stream()
                .map(Classification::fromLabel)
                .flatMap(Optional::stream)
                .toList();
        for (ColumnSpec column : proposal.descriptor().columns()) {
            if (!column.pii()) {
                continue;
            }
            Classification classification = column.classification();
            if (classification == null || !allowed.contains(classification)) {
                findings.add(
                        Proposal.path(column) + ".classification",
                        column.name() + " is personal data but is "
                                + (classification == null ? "unclassified" : "classified " + classification.label())
                                // A nested field may carry its container's label without declaring one itself.
                                + (column.classificationInherited() ? " (inherited from " + column.parent() + ")" : ""),
                        "classify it "
                                + String.join(
                                        " or ",
                                        allowed.stream()
                                                .map(Classification::label)
                                                .toList()));
            }
            if (column.accessNote() == null || column.accessNote().isBlank()) {
                findings.add(
                        Proposal.path(column) + ".customProperties.accessNote",
                        column.name() + " is personal data without an access note",
                        "add customProperties: [{property: accessNote, value: how to request access and on what"
                                + " grounds}]");
            }
        }
    }
}
