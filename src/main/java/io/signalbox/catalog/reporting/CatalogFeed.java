package io.signalbox.catalog.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import io.signalbox.catalog.reporting.ProductSnapshot.Column;
import io.signalbox.catalog.reporting.ProductSnapshot.Fingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The catalog's feed of products for derived data (the search index), so that no other feature names the catalog's
 * tables: each product's current version as one {@link ProductSnapshot}, read with plain SQL straight from
 * PostgreSQL, because a full rebuild streams 100 000 products and two million columns, which entity loading would
 * make many times slower. Every method runs in a transaction of its own.
 */
@ApplicationScoped
public class CatalogFeed {

    private static final int FETCH_SIZE = 2_000;
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    // Columns come aggregated per product so that one streamed result set carries everything.
    private static final String PRODUCTS = """
            select p.id, p.key, p.slug, p.external_id, p.status, p.lock_version, p.updated_at, p.compliance,
                   d.key as domain_key, d.name as domain_name, d.lock_version as domain_lock,
                   v.version, v.title, v.purpose, v.limitations, v.usage, v.classification,
                   v.owner_name, v.owner_email, v.team_name, v.team::text as team, v.tags::text as tags,
                   v.output_ports::text as output_ports, v.consumers::text as consumers,
                   (select json_agg(json_build_object('objectName', c.object_name, 'name', c.name, 'description', c.description,
                                                      'canonicalAttribute', c.canonical_attribute, 'tags', c.tags)
                                    order by c.position)
                      from schema_column c where c.version_id = v.id)::text as columns
              from data_product p
              join domain d on d.id = p.domain_id
              join product_version v on v.id = p.current_version_id
            """;

    @Inject
    DataSource dataSource;

    /** Streams every product, in id order. */
    public void streamAll(Consumer<ProductSnapshot> sink) {
        QuarkusTransaction.requiringNew().timeout(3_600).run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(PRODUCTS + " order by p.id")) {
                query.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(product(rows));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the catalog for the search index", e);
            }
        });
    }

    /** The given products as they are now; ids no longer in the catalog are simply absent. */
    public List<ProductSnapshot> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(PRODUCTS + " where p.id = any(?)")) {
                Array idArray = connection.createArrayOf("bigint", ids.toArray());
                query.setArray(1, idArray);
                List<ProductSnapshot> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(product(rows));
                    }
                }
                return found;
            }
        });
    }

    /** The ids of a domain's products. */
    public List<Long> productsOfDomain(String domainKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "select p.id from data_product p join domain d on d.id = p.domain_id where d.key = ?")) {
                query.setString(1, domainKey);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /** How many products the index should hold. */
    public long count() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "select count(*) from data_product where current_version_id is not null");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Every indexable product's fingerprint, to compare with the index. */
    public Map<Long, Fingerprint> fingerprints() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "select p.id, p.lock_version, d.lock_version from data_product p"
                                    + " join domain d on d.id = p.domain_id where p.current_version_id is not null")) {
                query.setFetchSize(FETCH_SIZE * 10);
                Map<Long, Fingerprint> fingerprints = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        fingerprints.put(rows.getLong(1), new Fingerprint(rows.getLong(2), rows.getLong(3)));
                    }
                }
                return fingerprints;
            }
        });
    }

    /** The fingerprints of these products, as far as they exist and are indexable (absent ids are gone). */
    public Map<Long, Fingerprint> fingerprints(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select p.id, p.lock_version, d.lock_version from data_product p"
                                + " join domain d on d.id = p.domain_id"
                                + " where p.current_version_id is not null and p.id = any (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            Map<Long, Fingerprint> fingerprints = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fingerprints.put(rows.getLong(1), new Fingerprint(rows.getLong(2), rows.getLong(3)));
                }
            }
            return fingerprints;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's fingerprints failed", e);
        }
    }

    private static ProductSnapshot product(ResultSet row) throws SQLException {
        return new ProductSnapshot(
                row.getLong("id"),
                row.getString("key"),
                row.getString("slug"),
                row.getString("external_id"),
                row.getString("status"),
                row.getLong("lock_version"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("domain_key"),
                row.getString("domain_name"),
                row.getLong("domain_lock"),
                row.getString("version"),
                row.getString("title"),
                row.getString("purpose"),
                row.getString("limitations"),
                row.getString("usage"),
                row.getString("classification"),
                row.getString("compliance"),
                row.getString("owner_name"),
                row.getString("owner_email"),
                row.getString("team_name"),
                json(row.getString("team"), new TypeReference<List<TeamMember>>() {}),
                json(row.getString("tags"), new TypeReference<List<String>>() {}),
                json(row.getString("output_ports"), new TypeReference<List<OutputPort>>() {}),
                json(row.getString("consumers"), new TypeReference<List<DeclaredConsumer>>() {}),
                json(row.getString("columns"), new TypeReference<List<Column>>() {}));
    }

    private static <T> List<T> json(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the catalog: " + e.getOriginalMessage(), e);
        }
    }
}
