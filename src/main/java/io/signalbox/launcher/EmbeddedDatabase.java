package io.signalbox.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL started from the binaries on the classpath, for local runs and tests where no external database
 * is configured. Production never uses it: it takes its database from the {@code QUARKUS_DATASOURCE_*} settings.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Starts the server again with the same port, data directory and settings (see {@link #startAgain()}). */
    private final EmbeddedPostgres.Builder builder;
    /** The data directory to remove on {@link #close()}; {@code null} for a persistent database. */
    private final Path throwawayDirectory;
    /** The running server; {@code null} while {@link #stop() stopped}. */
    private EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres.Builder builder, Path throwawayDirectory) {
        this.builder = builder;
        this.throwawayDirectory = throwawayDirectory;
    }

    /** Whether the operator pointed Signalbox at a PostgreSQL of their own. */
    public static boolean externalDatabaseConfigured() {
        return OperatorSettings.isSet("quarkus.datasource.jdbc.url");
    }

    /** Keeps its data between runs in the given directory. */
    public static EmbeddedDatabase startPersistent(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            // A local run keeps what it acknowledged: the embedded defaults (fsync, synchronous_commit and
            // full_page_writes off) are for throwaway test databases, where speed matters and a crash loses nothing.
            return start(
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("full_page_writes", "on"),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + dataDirectory + " for PostgreSQL", e);
        }
    }

    /**
     * Stops a server that a previous run left running on this data directory. A portal that exits on an
     * {@code OutOfMemoryError} (-XX:+ExitOnOutOfMemoryError) or is killed halts without shutdown hooks, so its
     * PostgreSQL lives on and holds {@code postmaster.pid}: the next start would fail with "lock file already exists"
     * after a minute's wait. The first line of {@code postmaster.pid} is the postmaster's process id (PostgreSQL,
     * "Database File Layout"); a live postgres process with that id gets SIGTERM (a smart shutdown: it has no clients
     * left) and is waited for. A stale file of a dead process is left to PostgreSQL, which removes it itself.
     *
     * @throws IllegalStateException when the orphaned server does not stop within 60 seconds
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").strip());
        } catch (NumberFormatException e) {
            return; // not a postmaster.pid PostgreSQL wrote: PostgreSQL will say so itself
        }
        ProcessHandle orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false))
                .orElse(null);
        if (orphan == null) {
            return;
        }
        System.err.println(
                "Signalbox: stopping the PostgreSQL (pid " + pid + ") that a previous run left on " + dataDirectory);
        orphan.destroy();
        try {
            orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL left running by a previous run (pid " + pid
                    + ") did not stop within 60 s; stop it (kill " + pid + ") and start again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL (pid " + pid + ") to stop", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL (pid " + pid + ") to stop", e);
        }
    }

    /**
     * Starts with an empty data directory that is removed when closed. The directory is this object's own rather than
     * the library's (which deletes it whenever the server stops), so that a test can {@link #stop()} the server and
     * {@link #startAgain()} it with its data.
     */
    public static EmbeddedDatabase startThrowaway() {
        try {
            Path directory = Files.createTempDirectory("signalbox-postgres-");
            return start(
                    EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false), directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a data directory for PostgreSQL", e);
        }
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, Path throwawayDirectory) {
        EmbeddedDatabase database = new EmbeddedDatabase(
                builder.setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "100"),
                throwawayDirectory);
        database.startAgain();
        return database;
    }

    /**
     * Stops the server (PostgreSQL's fast shutdown: open connections are ended) and keeps its data directory. Tests use
     * it to play a database outage; {@link #startAgain()} ends it. Does nothing when stopped already.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    /**
     * Starts the server on the port and data directory it had before (the first start chooses a free port), so that
     * connection settings handed out earlier work again. Does nothing when running already.
     */
    public synchronized void startAgain() {
        if (postgres != null) {
            return;
        }
        try {
            // The builder remembers the port and data directory it chose on the first start; initdb runs only once.
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Whether the server runs (it does from the start until {@link #stop()}). */
    public synchronized boolean running() {
        return postgres != null;
    }

    private synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            throw new IllegalStateException("The embedded PostgreSQL is stopped");
        }
        return postgres;
    }

    /** The value of a server setting as the running server reports it ({@code SHOW name}), such as "on". */
    public String setting(String name) {
        try (var connection = server().getPostgresDatabase().getConnection();
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
                "quarkus.datasource.jdbc.url", server().getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Stops the server; a throwaway database's data directory is removed with it. */
    @Override
    public void close() {
        stop();
        if (throwawayDirectory != null) {
            try (Stream<Path> files = Files.walk(throwawayDirectory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove " + throwawayDirectory, e);
            }
        }
    }
}
