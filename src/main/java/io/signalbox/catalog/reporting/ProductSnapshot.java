package io.signalbox.catalog.reporting;

import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import java.time.Instant;
import java.util.List;

/**
 * A product as the catalog feed reports it: its current version as PostgreSQL holds it, flattened (the small value
 * lists decoded from JSON, columns in schema order). The two lock versions are the fingerprint that tells derived data
 * whether it is behind the database.
 */
public record ProductSnapshot(
        long id,
        String key,
        String slug,
        /** The standards' id of the product (an ODPS id, often a UUID), unique across the catalog. */
        String externalId,
        String status,
        long productLock,
        Instant updatedAt,
        String domainKey,
        String domainName,
        long domainLock,
        String version,
        String title,
        String purpose,
        String limitations,
        String usage,
        String classification,
        String compliance,
        String ownerName,
        String ownerEmail,
        String teamName,
        List<TeamMember> team,
        List<String> tags,
        List<OutputPort> outputPorts,
        List<DeclaredConsumer> consumers,
        List<Column> columns) {

    /** A column of the current version; {@code objectName} is the schema object (table, topic) that holds it. */
    public record Column(
            String objectName, String name, String description, String canonicalAttribute, List<String> tags) {

        /** {@code Service.service_id} → {@code Service}. */
        public String canonicalEntity() {
            if (canonicalAttribute == null) {
                return null;
            }
            int dot = canonicalAttribute.indexOf('.');
            return dot > 0 ? canonicalAttribute.substring(0, dot) : canonicalAttribute;
        }
    }

    /** Fingerprint compared with the database on start and periodically. */
    public record Fingerprint(long productLock, long domainLock) {}
}
