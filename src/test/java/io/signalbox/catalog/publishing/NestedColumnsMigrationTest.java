package io.signalbox.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * V9's backfill, run again on rows shaped as versions published before it stored them: an object's fields as
 * {@code parent.child}, every row at depth 0 without a parent. Runs in a transaction that is rolled back (the
 * constraint it drops on the way comes back with it).
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class NestedColumnsMigrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void columnsStoredBeforeV9AreLinkedToTheColumnTheirNameContinues() throws Exception {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long version = versionOf(connection, product.key());
                String[] oldStyle = {"address", "address.city", "address.geo", "address.geo.lat", "loose.name"};
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into schema_column (version_id, position, object_name, name, required, primary_key,"
                                + " pii) values (?, ?, 'main', ?, false, false, false)")) {
                    for (int i = 0; i < oldStyle.length; i++) {
                        insert.setLong(1, version);
                        insert.setInt(2, 10 + i);
                        insert.setString(3, oldStyle[i]);
                        insert.executeUpdate();
                    }
                }

                try (Statement statement = connection.createStatement()) {
                    // As before V9: the constraint comes after the backfill, which must leave rows that satisfy it.
                    statement.execute("alter table schema_column drop constraint schema_column_depth_check");
                    for (String backfill : backfillStatements()) {
                        statement.execute(backfill);
                    }
                }

                assertThat(columns(connection, version))
                        .containsExactly(
                                tuple("service_id", null, 0),
                                tuple("service_name", null, 0),
                                tuple("address", null, 0),
                                tuple("address.city", "address", 1),
                                tuple("address.geo", "address", 1),
                                tuple("address.geo.lat", "address.geo", 2),
                                tuple("loose.name", null, 0));
            } finally {
                connection.rollback();
            }
        }
    }

    /** The migration's statements after its new columns: the two that fill them, then the constraint, in order. */
    private static List<String> backfillStatements() throws IOException {
        try (InputStream in =
                NestedColumnsMigrationTest.class.getResourceAsStream("/db/migration/V9__nested_columns.sql")) {
            assertThat(in).as("the migration is packaged").isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            List<String> statements = new ArrayList<>(Arrays.stream(sql.split(";"))
                    .map(String::strip)
                    .filter(s -> s.startsWith("update")
                            || s.startsWith("with recursive")
                            || s.startsWith("alter table schema_column add constraint"))
                    .toList());
            assertThat(statements).hasSize(3);
            return statements;
        }
    }

    private static long versionOf(Connection connection, String productKey) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select current_version_id from data_product where key = ?")) {
            query.setString(1, productKey);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static List<Tuple> columns(Connection connection, long version) throws SQLException {
        List<Tuple> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select name, parent_name, depth from schema_column where version_id = ? order by position")) {
            query.setLong(1, version);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(tuple(rows.getString(1), rows.getString(2), rows.getInt(3)));
                }
            }
        }
        return columns;
    }
}
