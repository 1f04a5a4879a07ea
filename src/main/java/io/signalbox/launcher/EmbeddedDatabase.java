package io.signalbox.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL started from the binaries on the classpath, for local runs and tests where no external database
 * is configured. Production never uses it: it takes its database from the {@code QUARKUS_DATASOURCE_*} settings.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Whether the operator pointed Signalbox at a PostgreSQL of their own. */
    public static boolean externalDatabaseConfigured() {
        return OperatorSettings.isSet("quarkus.datasource.jdbc.url");
    }

    /** Keeps its data between runs in the given directory. */
    public static EmbeddedDatabase startPersistent(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            // A local run keeps what it acknowledged: the embedded defaults (fsync, synchronous_commit and
            // full_page_writes off) are for throwaway test databases, where speed matters and a crash loses nothing.
            return start(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + dataDirectory + " for PostgreSQL", e);
        }
    }

    /** Starts with an empty data directory that is removed when closed. */
    public static EmbeddedDatabase startThrowaway() {
        return start(EmbeddedPostgres.builder());
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            return new EmbeddedDatabase(builder.setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** The value of a server setting as the running server reports it ({@code SHOW name}), such as "on". */
    public String setting(String name) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("show " + name.replaceAll("[^a-z_]", ""))) {
            result.next();
            return result.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not read the setting " + name, e);
        }
    }

    /** The Quarkus datasource settings that point at this database. */
    public Map<String, String> connectionProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
