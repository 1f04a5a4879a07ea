package io.signalbox.search;

import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import java.time.Instant;
import java.util.List;

/**
 * What the index knows of a product: its current version as PostgreSQL holds it, flattened for searching. The two
 * lock versions are the fingerprint that tells whether the index is behind the database.
 */
record IndexedProduct(
        long id,
        String key,
        String slug,
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

    record Column(String name, String description, String canonicalAttribute, List<String> tags) {

        /** {@code Service.service_id} → {@code Service}. */
        String canonicalEntity() {
            if (canonicalAttribute == null) {
                return null;
            }
            int dot = canonicalAttribute.indexOf('.');
            return dot > 0 ? canonicalAttribute.substring(0, dot) : canonicalAttribute;
        }
    }

    /** Fingerprint compared with the database on start and periodically. */
    record Fingerprint(long productLock, long domainLock) {}
}
