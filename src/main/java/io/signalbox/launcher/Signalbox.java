package io.signalbox.launcher;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the portal. When no external PostgreSQL is configured, a real PostgreSQL is started first with its data in
 * {@code .signalbox/postgres} under the working directory and the demo catalog is loaded; when no OIDC provider is
 * configured, the local Keycloak with demo users starts beside it. One command gives a newcomer a working portal.
 */
@QuarkusMain
public class Signalbox {

    public static void main(String... args) {
        // Said first and plainly: a portal run without these dies half-alive on an OutOfMemoryError (issue 12).
        OutOfMemoryPolicy.problems().forEach(problem -> System.err.println("WARNING: " + problem));
        Path dataDirectory =
                Path.of(System.getProperty("signalbox.data-dir", ".signalbox")).toAbsolutePath();
        try (EmbeddedDatabase database = startDatabaseUnlessConfigured(dataDirectory);
                LocalIdentityProvider identity = startIdentityProviderUnlessConfigured(dataDirectory)) {
            Quarkus.run(args);
        }
    }

    private static EmbeddedDatabase startDatabaseUnlessConfigured(Path dataDirectory) {
        if (EmbeddedDatabase.externalDatabaseConfigured()) {
            return null;
        }
        EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDirectory.resolve("postgres"));
        database.connectionProperties().forEach(System::setProperty);
        if (System.getProperty("signalbox.demo-catalog.load") == null
                && System.getenv("SIGNALBOX_DEMO_CATALOG_LOAD") == null) {
            System.setProperty("signalbox.demo-catalog.load", "true");
        }
        return database;
    }

    /**
     * Starts the local Keycloak with the demo users when no provider is configured and the build has unpacked one.
     * Without either, the portal still starts and tells people that sign-in is unavailable.
     */
    private static LocalIdentityProvider startIdentityProviderUnlessConfigured(Path dataDirectory) {
        if (LocalIdentityProvider.externalProviderConfigured()) {
            return null;
        }
        Optional<Path> keycloak = LocalIdentityProvider.distributionUnder(Path.of("target"));
        if (keycloak.isEmpty()) {
            System.err.println("No OIDC provider is configured and target/keycloak is missing: sign-in is unavailable."
                    + " Build with ./mvnw package, or set QUARKUS_OIDC_AUTH_SERVER_URL.");
            return null;
        }
        int port = Integer.getInteger("signalbox.keycloak.port", 8180);
        String portalPort =
                System.getProperty("quarkus.http.port", System.getenv().getOrDefault("QUARKUS_HTTP_PORT", "8080"));
        LocalIdentityProvider identity = LocalIdentityProvider.start(
                keycloak.get(),
                port,
                "http://127.0.0.1:" + portalPort,
                dataDirectory.resolve("keycloak"),
                dataDirectory.resolve("keycloak.log"));
        identity.oidcProperties().forEach(System::setProperty);
        return identity;
    }
}
