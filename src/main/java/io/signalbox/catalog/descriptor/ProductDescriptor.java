package io.signalbox.catalog.descriptor;

import io.signalbox.catalog.Classification;
import io.signalbox.catalog.LifecycleStatus;
import io.signalbox.catalog.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.ProductParts.InputPort;
import io.signalbox.catalog.ProductParts.LifecycleMapping;
import io.signalbox.catalog.ProductParts.OutputPort;
import io.signalbox.catalog.ProductParts.SlaProperty;
import io.signalbox.catalog.ProductParts.SupportChannel;
import io.signalbox.catalog.ProductParts.TeamMember;
import io.signalbox.catalog.SemanticVersion;
import java.util.List;

/**
 * A data product publication in Signalbox's own terms, read from ODPS and ODCS documents by {@link DescriptorReader}.
 * Everything here has been validated; the catalog trusts it.
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
        DescriptorFormat format) {

    public String productKey() {
        return domainKey + "." + slug;
    }

    /** A column of one schema object, as declared in an ODCS contract. */
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
            List<String> tags) {}
}
