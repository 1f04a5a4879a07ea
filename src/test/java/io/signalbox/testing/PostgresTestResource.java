package io.signalbox.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.signalbox.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every @QuarkusTest runs against a real, throwaway PostgreSQL, and a search index directory of its own that is
 * derived from it.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedDatabase running;
    private EmbeddedDatabase database;
    private Path searchIndex;

    /**
     * The database of the application under test, for tests that stop and start it (a database outage, see
     * {@code web.DatabaseOutageTest}); any other test leaves it alone.
     */
    public static EmbeddedDatabase database() {
        if (running == null) {
            throw new IllegalStateException("No test database is running");
        }
        return running;
    }

    @Override
    public Map<String, String> start() {
        database = EmbeddedDatabase.startThrowaway();
        running = database;
        try {
            searchIndex = Files.createTempDirectory("signalbox-search-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new HashMap<>(database.connectionProperties());
        properties.put("signalbox.search.index-dir", searchIndex.toString());
        return properties;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            if (running == database) {
                running = null;
            }
        }
        if (searchIndex != null) {
            try (Stream<Path> files = Files.walk(searchIndex)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }
}
