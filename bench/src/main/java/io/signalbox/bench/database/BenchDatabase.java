package io.signalbox.bench.database;

import io.signalbox.bench.Arguments;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The bench's PostgreSQL: the same PostgreSQL 18 binaries as the portal's local runs (Maven-provided, so no package
 * install, and it runs as root, which Debian's server refuses). Its settings are the production-like ones the numbers
 * should be read against: durable commits, 1 GB of shared buffers.
 */
public final class BenchDatabase {

    private BenchDatabase() {}

    public static void run(Arguments arguments) throws IOException, InterruptedException {
        int port = arguments.integer("port", 55432);
        Path dataDirectory = arguments.path("data-dir", "target/postgres").toAbsolutePath();
        Path readyFile = arguments.path("ready-file", null);
        arguments.refuseUnread();

        // A benchmark starts from nothing: whatever an earlier run left there goes.
        deleteRecursively(dataDirectory);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(120))
                // The embedded defaults (-F, synchronous_commit=off) skip flushing to disk; a publication's latency
                // must include a durable commit, as in production.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("max_connections", "100")
                .start();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (IOException e) {
                                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
                            }
                            stopped.countDown();
                        },
                        "postgres-stopper"));
        System.out.println("PostgreSQL ready at " + url + " (user postgres, data in " + dataDirectory + ")");
        if (readyFile != null) {
            Files.writeString(readyFile, url + "\n");
        }
        stopped.await();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
