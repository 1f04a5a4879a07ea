package io.signalbox.bench.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What the generator writes, row by row. The value records have the same components as the portal's
 * {@code io.signalbox.catalog.ProductParts}, so their JSON is what the portal itself stores in the jsonb columns.
 */
public final class CatalogModel {

    private CatalogModel() {}

    public record TeamMember(String username, String name, String role) {}

    public record SupportChannel(String channel, String url, String tool, String scope) {}

    public record OutputPort(
            String name, String description, String kind, String version, String contractId, String location) {}

    public record InputPort(String name, String version, String contractId, String sourceProduct) {}

    public record DeclaredConsumer(String team, String domain, String purpose, String contact) {}

    public record LifecycleMapping(String internal, String canonical) {}

    public record SlaProperty(String property, String value, String unit) {}

    /** A row of {@code domain}. */
    public record DomainRow(
            String key, String name, String description, String businessOwner, String technicalContact) {}

    /** A row of {@code data_product} with its versions, oldest first; the last one is current. */
    public record ProductRow(
            String key,
            String domainKey,
            String slug,
            String externalId,
            String status,
            Instant createdAt,
            Instant updatedAt,
            List<VersionRow> versions) {

        public VersionRow current() {
            return versions.get(versions.size() - 1);
        }
    }

    /** A row of {@code product_version} with its columns. */
    public record VersionRow(
            String version,
            int major,
            int minor,
            int patch,
            String title,
            String purpose,
            String limitations,
            String usage,
            String declaredStatus,
            String classification,
            String ownerName,
            String ownerEmail,
            String teamName,
            List<TeamMember> team,
            List<SupportChannel> support,
            List<String> tags,
            List<OutputPort> outputPorts,
            List<InputPort> inputPorts,
            List<DeclaredConsumer> consumers,
            List<LifecycleMapping> lifecycleMapping,
            String slaFreshness,
            String slaAvailability,
            List<SlaProperty> sla,
            String changelog,
            String contentHash,
            String descriptor,
            Instant publishedAt,
            String publishedBy,
            List<ColumnRow> columns) {

        /** The same version with the descriptor text it was published from and that text's content hash. */
        public VersionRow withDescriptor(String text, String hash) {
            return new VersionRow(
                    version,
                    major,
                    minor,
                    patch,
                    title,
                    purpose,
                    limitations,
                    usage,
                    declaredStatus,
                    classification,
                    ownerName,
                    ownerEmail,
                    teamName,
                    team,
                    support,
                    tags,
                    outputPorts,
                    inputPorts,
                    consumers,
                    lifecycleMapping,
                    slaFreshness,
                    slaAvailability,
                    sla,
                    changelog,
                    hash,
                    text,
                    publishedAt,
                    publishedBy,
                    columns);
        }

        /** An earlier version of the same product: fewer columns, published earlier, with its own changelog. */
        public VersionRow earlier(
                String earlierVersion,
                int earlierMajor,
                int earlierMinor,
                int earlierPatch,
                String earlierChangelog,
                Instant earlierPublishedAt,
                List<ColumnRow> earlierColumns,
                List<OutputPort> earlierPorts) {
            return new VersionRow(
                    earlierVersion,
                    earlierMajor,
                    earlierMinor,
                    earlierPatch,
                    title,
                    purpose,
                    limitations,
                    usage,
                    "published",
                    classification,
                    ownerName,
                    ownerEmail,
                    teamName,
                    team,
                    support,
                    tags,
                    earlierPorts,
                    inputPorts,
                    consumers,
                    lifecycleMapping,
                    slaFreshness,
                    slaAvailability,
                    sla,
                    earlierChangelog,
                    null,
                    null,
                    earlierPublishedAt,
                    publishedBy,
                    earlierColumns);
        }
    }

    /** A row of {@code schema_column}. */
    public record ColumnRow(
            String objectName,
            String name,
            String logicalType,
            String physicalType,
            String description,
            boolean required,
            boolean primaryKey,
            String classification,
            boolean pii,
            String accessNote,
            String canonicalAttribute,
            List<String> tags) {}
}
