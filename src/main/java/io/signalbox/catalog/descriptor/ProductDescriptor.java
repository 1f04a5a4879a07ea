package io.signalbox.catalog.descriptor;

import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.InputPort;
import io.signalbox.catalog.model.ProductParts.LifecycleMapping;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.SlaProperty;
import io.signalbox.catalog.model.ProductParts.SupportChannel;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.web.FieldProblem;
import java.util.List;

/**
 * A data product publication in Signalbox's own terms, read from ODPS and ODCS documents by {@link DescriptorReader}.
 * Everything here has been validated; the catalog trusts it. {@code warnings} are what the reader accepted but tells
 * the publisher about, each with its field path (a text boolean, a classification alias, a flag with no effect yet).
 * {@code markedDeprecated} is ODPS v1.1's {@code deprecated: true} on the product.
 */
public record ProductDescriptor(
        String domainKey,
        String slug,
        String externalId,
        String title,
        SemanticVersion version,
        LifecycleStatus status,
        String purpose,
        String limitations,
        String usage,
        List<String> tags,
        Classification classification,
        String ownerName,
        String ownerEmail,
        String teamName,
        List<TeamMember> team,
        List<SupportChannel> support,
        List<OutputPort> outputPorts,
        List<InputPort> inputPorts,
        List<DeclaredConsumer> consumers,
        List<LifecycleMapping> lifecycleMapping,
        String slaFreshness,
        String slaAvailability,
        List<SlaProperty> sla,
        String changelog,
        List<ColumnSpec> columns,
        String contentHash,
        String text,
        DescriptorFormat format,
        List<FieldProblem> warnings,
        boolean markedDeprecated) {

    /**
     * Whether the descriptor says the product is deprecated or retired: {@code status: deprecated} or
     * {@code retired}, or ODPS v1.1's {@code deprecated: true} on the product. The publication gate accepts such a
     * descriptor only while a deprecation notice covers the product or its major line.
     */
    public boolean claimsEndOfLife() {
        return markedDeprecated || status == LifecycleStatus.DEPRECATED || status == LifecycleStatus.RETIRED;
    }

    public String productKey() {
        return domainKey + "." + slug;
    }

    /**
     * A column of one schema object, as declared in an ODCS contract: a top-level property, or a field nested in one.
     * A nested column's {@code name} is its path from the top-level column: {@code address.city} for a field of an
     * object, {@code lines[].sku} for a field of an array's items, {@code tags[]} for the items of an array of plain
     * values; {@code parent} is the name of the column that contains it (null at the top) and {@code depth} the
     * number of columns above it (0 at the top). {@code classificationInherited} says that the column declared no
     * classification and took its nearest classified container's (docs/descriptor.md §7).
     */
    public record ColumnSpec(
            String objectName,
            String name,
            String logicalType,
            String physicalType,
            String description,
            boolean required,
            boolean primaryKey,
            Classification classification,
            boolean pii,
            String accessNote,
            String canonicalAttribute,
            List<String> tags,
            String parent,
            int depth,
            boolean classificationInherited) {

        /** A top-level column, with its own classification (or none). */
        public ColumnSpec(
                String objectName,
                String name,
                String logicalType,
                String physicalType,
                String description,
                boolean required,
                boolean primaryKey,
                Classification classification,
                boolean pii,
                String accessNote,
                String canonicalAttribute,
                List<String> tags) {
            this(
                    objectName,
                    name,
                    logicalType,
                    physicalType,
                    description,
                    required,
                    primaryKey,
                    classification,
                    pii,
                    accessNote,
                    canonicalAttribute,
                    tags,
                    null,
                    0,
                    false);
        }
    }
}
