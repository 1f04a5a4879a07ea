package io.signalbox.bench.measure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real keys of the catalog for the route sweep's path parameters, read from PostgreSQL and chosen to be the heaviest
 * of their kind: the domain with the most products, the product with the most versions (and its current version),
 * the canonical entity implemented by the most products, a glossary term of the biggest domain, the first rule, an
 * alias of the classification vocabulary, an owner granted on the biggest domain.
 *
 * <p>A parameter is known by the literal segment before it in the route's template ({@code domains/{key}} is a domain,
 * {@code products/{key}} a product); a segment without a key here, or a kind the catalog holds none of, leaves the
 * route unfilled, and the sweep reports it as such.
 */
final class CatalogKeys {

    private final Map<String, String> bySegment = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();

    private CatalogKeys() {}

    static CatalogKeys read(Connection connection) {
        CatalogKeys keys = new CatalogKeys();
        keys.put(
                connection,
                "domains",
                "select d.key from domain d join data_product p on p.domain_id = d.id"
                        + " group by d.key order by count(*) desc, d.key limit 1");
        keys.put(
                connection,
                "products",
                "select p.key from data_product p join product_version v on v.product_id = p.id"
                        + " group by p.key order by count(*) desc, p.key limit 1");
        String product = keys.bySegment.get("products");
        if (product != null) {
            keys.put(
                    connection,
                    "versions",
                    "select v.version from data_product p join product_version v on v.id = p.current_version_id"
                            + " where p.key = ?",
                    product);
        }
        // The products of each entity are those whose current version maps a column to one of its attributes
        // ("Service.service_id").
        keys.put(
                connection,
                "entities",
                "select e.name from canonical_entity e left join ("
                        + " select split_part(c.canonical_attribute, '.', 1) as entity, count(distinct p.id) as products"
                        + " from schema_column c join data_product p on p.current_version_id = c.version_id"
                        + " where c.canonical_attribute is not null group by 1) m on m.entity = e.name"
                        + " order by coalesce(m.products, 0) desc, e.name limit 1");
        String domain = keys.bySegment.get("domains");
        keys.put(
                connection,
                "glossary",
                "select g.term from glossary_term g join domain d on d.id = g.domain_id"
                        + " order by (d.key = ?) desc, g.term limit 1",
                domain == null ? "" : domain);
        keys.put(connection, "rules", "select id from governance_rule order by position, id limit 1");
        keys.put(connection, "aliases", "select alias from classification_alias order by alias limit 1");
        keys.put(
                connection,
                "owners",
                "select username from domain_owner_grant order by (domain_key = ?) desc, username limit 1",
                domain == null ? "" : domain);
        return keys;
    }

    private void put(Connection connection, String segment, String sql, String... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getString(1) != null) {
                    bySegment.put(segment, row.getString(1));
                } else {
                    missing.put(segment, "the catalog holds none");
                }
            }
        } catch (SQLException e) {
            missing.put(segment, "not read: " + e.getMessage());
        }
    }

    /** The value for a parameter after {@code segment}, or null. */
    String forSegment(String segment) {
        return bySegment.get(segment);
    }

    /** Why a segment has no value: the catalog holds none, the query failed, or the bench knows no such kind. */
    String whyMissing(String segment) {
        return missing.getOrDefault(segment, "the bench knows no key for a parameter after '" + segment + "'");
    }

    /** What was chosen, for the report. */
    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>(bySegment);
        if (!missing.isEmpty()) {
            described.put("missing", missing);
        }
        return described;
    }
}
