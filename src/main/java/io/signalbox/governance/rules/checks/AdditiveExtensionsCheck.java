package io.signalbox.governance.rules.checks;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.ProductParts.LifecycleMapping;
import io.signalbox.governance.canonical.CanonicalModel;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.RuleCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Domains extend canonical entities, never redefine them: a mapped column keeps the canonical type, maps only to an
 * attribute the council defined, and lifecycle states map only into the shared vocabulary.
 */
@ApplicationScoped
public class AdditiveExtensionsCheck implements RuleCheck {

    @Override
    public String ruleId() {
        return "additive-extensions";
    }

    @Override
    public void check(Proposal proposal, Findings findings) {
        CanonicalModel model = proposal.model();
        for (ColumnSpec column : proposal.descriptor().columns()) {
            String canonical = column.canonicalAttribute();
            if (canonical == null) {
                continue;
            }
            String path = Proposal.path(column) + ".customProperties.canonical";
            String entityName = canonical.substring(0, canonical.indexOf('.'));
            String attributeName = canonical.substring(canonical.indexOf('.') + 1);
            Optional<CanonicalModel.Entity> entity = model.entity(entityName);
            if (entity.isEmpty()) {
                findings.add(
                        path,
                        column.name() + " maps to " + canonical + ", but there is no canonical entity " + entityName,
                        "map to one of " + String.join(", ", model.names())
                                + ", or remove the mapping to keep the column as your domain's own");
                continue;
            }
            CanonicalModel.Attribute attribute = entity.get().attributes().get(attributeName);
            if (attribute == null) {
                findings.add(
                        path,
                        column.name() + " maps to " + canonical + ", which the council has not defined; " + entityName
                                + " has "
                                + String.join(", ", entity.get().attributes().keySet()),
                        "remove the mapping to keep " + column.name() + " as your domain's extension of " + entityName
                                + ", or ask the council to add the attribute");
                continue;
            }
            if (column.logicalType() != null && !typeFits(column.logicalType(), attribute.dataType())) {
                findings.add(
                        Proposal.path(column) + ".logicalType",
                        column.name() + " is " + column.logicalType() + " but " + canonical + " is "
                                + attribute.dataType() + " (" + attribute.meaning() + ")",
                        "declare logicalType: " + attribute.dataType()
                                + ", or remove the mapping and give the column a name of its own");
            }
        }
        checkLifecycleMapping(proposal, findings);
    }

    /** An integer fits a number attribute: every integer is a number. Otherwise types must be the same. */
    private static boolean typeFits(String columnType, String canonicalType) {
        return columnType.equals(canonicalType) || "number".equals(canonicalType) && "integer".equals(columnType);
    }

    private static void checkLifecycleMapping(Proposal proposal, Findings findings) {
        List<LifecycleMapping> mappings = proposal.descriptor().lifecycleMapping();
        if (mappings.isEmpty()) {
            return;
        }
        Set<String> entities = proposal.implementedEntities();
        Set<String> vocabulary = new LinkedHashSet<>();
        proposal.model().all().stream()
                .filter(e -> entities.isEmpty() || entities.contains(e.name()))
                .forEach(e -> vocabulary.addAll(e.lifecycleVocabulary()));
        for (int i = 0; i < mappings.size(); i++) {
            LifecycleMapping mapping = mappings.get(i);
            if (mapping.canonical() != null && !vocabulary.contains(mapping.canonical())) {
                findings.add(
                        "customProperties.lifecycleMapping[" + i + "].canonical",
                        "'" + mapping.internal() + "' maps to '" + mapping.canonical()
                                + "', which is not in the shared lifecycle vocabulary"
                                + (entities.isEmpty() ? "" : " of " + String.join(", ", entities)),
                        "map it to one of " + String.join(", ", vocabulary));
            }
        }
    }
}
