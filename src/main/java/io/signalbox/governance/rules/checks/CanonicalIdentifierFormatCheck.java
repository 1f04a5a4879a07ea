package io.signalbox.governance.rules.checks;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.governance.canonical.CanonicalModel;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifier columns hold identifiers in the council's format, so every domain can join on them. */
@ApplicationScoped
public class CanonicalIdentifierFormatCheck implements RuleCheck {

    private static final Pattern TEXT_LENGTH = Pattern.compile(
            "(?i)\\s*(?:varchar|character varying|char|character|nvarchar)\\s*\\(\\s*(\\d+)\\s*\\)\\s*");

    @Override
    public String ruleId() {
        return "canonical-identifier-format";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        for (ColumnSpec column : proposal.descriptor().columns()) {
            String canonical = column.canonicalAttribute();
            if (canonical == null || !canonical.contains(".")) {
                continue;
            }
            String entityName = canonical.substring(0, canonical.indexOf('.'));
            String attribute = canonical.substring(canonical.indexOf('.') + 1);
            proposal.model()
                    .entity(entityName)
                    .filter(e -> e.identifierAttribute().equals(attribute))
                    .ifPresent(entity -> checkIdentifier(column, entity, findings));
        }
    }

    private static void checkIdentifier(ColumnSpec column, CanonicalModel.Entity entity, Findings findings) {
        String path = Proposal.path(column);
        String format = entity.name() + " identifiers look like " + entity.identifierExample() + " (format "
                + entity.identifierFormat().pattern() + ")";
        if (column.logicalType() == null || !column.logicalType().equals("string")) {
            findings.add(
                    path + ".logicalType",
                    column.name() + " holds " + entity.qualified(entity.identifierAttribute()) + " but is "
                            + (column.logicalType() == null ? "untyped" : column.logicalType()) + "; " + format,
                    "declare logicalType: string and publish the identifiers as text in the canonical format");
        }
        if (column.physicalType() != null) {
            Matcher length = TEXT_LENGTH.matcher(column.physicalType());
            if (length.matches()
                    && Integer.parseInt(length.group(1))
                            < entity.identifierExample().length()) {
                findings.add(
                        path + ".physicalType",
                        column.physicalType() + " cannot hold a whole identifier: " + format,
                        "make the column at least " + entity.identifierExample().length() + " characters long");
            }
        }
    }
}
