package io.signalbox;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.signalbox.operations.EmbeddedDatabase;
import java.nio.file.Path;

/**
 * Starts the portal. When no external PostgreSQL is configured, a real PostgreSQL is started first with its data in
 * {@code .signalbox/postgres} under the working directory, and the demo catalog is loaded, so that one command gives
 * a newcomer a working portal.
 */
@QuarkusMain
public class Signalbox {

    public static void main(String... args) {
        if (EmbeddedDatabase.externalDatabaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        Path dataDirectory = Path.of(System.getProperty("signalbox.data-dir", ".signalbox"))
                .toAbsolutePath()
                .resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDirectory)) {
            database.connectionProperties().forEach(System::setProperty);
            if (System.getProperty("signalbox.demo-catalog.load") == null
                    && System.getenv("SIGNALBOX_DEMO_CATALOG_LOAD") == null) {
                System.setProperty("signalbox.demo-catalog.load", "true");
            }
            Quarkus.run(args);
        }
    }
}
