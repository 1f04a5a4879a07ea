package io.signalbox.testing;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.signalbox.launcher.EmbeddedDatabase;
import io.signalbox.launcher.LocalIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two portal instances ({@link PortalProcess}, the packaged application in JVMs of their own) against one PostgreSQL,
 * as several replicas run behind one Service: for integration tests of what must happen once across replicas
 * (deliveries, the sunset, scheduled jobs) and of what every replica must see. Beside them, servers of the test's own:
 * an embedded PostgreSQL, the Keycloak the build unpacked (real tokens for the demo users) and a GreenMail SMTP server,
 * so that the launcher starts none of its stand-ins. See docs/two-portals.md.
 *
 * <p>Each instance signs its emails with a sender of its own ({@code <portal-one@two-portals.test>}), so a test can
 * tell from a received mail which instance sent it. Close it to stop everything (a JVM shutdown hook stops the
 * instances too).
 */
public final class TwoPortals implements AutoCloseable {

    /** The instances' names, also the local part of each one's email sender. */
    public static final String ONE = "portal-one", TWO = "portal-two";

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final EmbeddedDatabase database;
    private final LocalIdentityProvider identity;
    private final Path identityData;
    private final GreenMail smtp;
    private final List<PortalProcess> portals = new ArrayList<>();

    private TwoPortals(EmbeddedDatabase database, LocalIdentityProvider identity, Path identityData, GreenMail smtp) {
        this.database = database;
        this.identity = identity;
        this.identityData = identityData;
        this.smtp = smtp;
    }

    /**
     * Starts the servers and both instances, and waits until both are ready. The first instance is ready (its
     * migrations ran) before the second starts, as in a rolling start: the second proves that a replica joining a
     * running database starts cleanly.
     *
     * @param settings more settings for both instances, such as a fast poll interval for a scheduled job
     * @throws IllegalStateException when the application is not packaged, Keycloak is not unpacked, or an instance
     *     exits while starting (with the end of its log)
     */
    public static TwoPortals start(Map<String, String> settings) {
        Path keycloakHome = LocalIdentityProvider.distributionUnder(Path.of("target"))
                .orElseThrow(() -> new IllegalStateException(
                        "target/keycloak is missing: the build unpacks it in generate-resources (./mvnw verify)"));
        TwoPortals started = null;
        try {
            Path home = Files.createDirectories(Path.of("target", "portals").toAbsolutePath());
            // Keycloak takes longest: it starts first and starts up while PostgreSQL and GreenMail do.
            Path identityData = Files.createTempDirectory(home, "keycloak-");
            LocalIdentityProvider identity = LocalIdentityProvider.start(
                    keycloakHome,
                    PortalProcess.freePort(),
                    "http://127.0.0.1",
                    identityData,
                    home.resolve("keycloak.log"));
            EmbeddedDatabase database;
            try {
                database = EmbeddedDatabase.startThrowaway();
            } catch (RuntimeException e) {
                identity.close();
                throw e;
            }
            ServerSetup setup = new ServerSetup(PortalProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(10_000);
            GreenMail smtp = new GreenMail(setup);
            started = new TwoPortals(database, identity, identityData, smtp);
            smtp.start();
            identity.awaitReady(READY_WITHIN);

            Map<String, String> shared = new HashMap<>();
            shared.putAll(database.connectionProperties());
            shared.putAll(identity.oidcProperties());
            shared.put("quarkus.mailer.host", "127.0.0.1");
            shared.put("quarkus.mailer.port", String.valueOf(setup.getPort()));
            shared.put("quarkus.mailer.mock", "false");
            // GreenMail's plain SMTP: no STARTTLS with a certificate nobody trusts
            shared.put("quarkus.mailer.start-tls", "DISABLED");
            shared.put("signalbox.demo-catalog.load", "false");
            shared.putAll(settings);
            for (String name : List.of(ONE, TWO)) {
                Map<String, String> own = new HashMap<>(shared);
                own.put("quarkus.mailer.from", "Signalbox " + name + " <" + name + "@two-portals.test>");
                PortalProcess portal = PortalProcess.start(name, own);
                started.portals.add(portal);
                portal.awaitReady(READY_WITHIN);
            }
            return started;
        } catch (IOException e) {
            if (started != null) {
                started.close();
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            if (started != null) {
                started.close();
            }
            throw e;
        }
    }

    /** The first instance (ready first). */
    public PortalProcess one() {
        return portals.get(0);
    }

    /** The second instance. */
    public PortalProcess two() {
        return portals.get(1);
    }

    /** Both instances, first then second. */
    public List<PortalProcess> both() {
        return List.copyOf(portals);
    }

    /**
     * The instances' database, for tests that take it away and bring it back ({@link EmbeddedDatabase#stop()},
     * {@link EmbeddedDatabase#startAgain()}: same port, same data).
     */
    public EmbeddedDatabase database() {
        return database;
    }

    /** The SMTP server both instances send through, to read what it received. */
    public GreenMail smtp() {
        return smtp;
    }

    /** The sender address of an instance's emails, such as {@code portal-one@two-portals.test}. */
    public static String senderOf(PortalProcess portal) {
        return portal.name() + "@two-portals.test";
    }

    /** A new connection to the instances' database, for a test's own reads and the changes it plays. */
    public Connection jdbc() {
        Map<String, String> settings = database.connectionProperties();
        try {
            return DriverManager.getConnection(
                    settings.get("quarkus.datasource.jdbc.url"),
                    settings.get("quarkus.datasource.username"),
                    settings.get("quarkus.datasource.password"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the instances' database", e);
        }
    }

    /** A real access token for a demo user of the realm (password grant), good on both instances. */
    public String accessToken(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", LocalIdentityProvider.CLIENT_ID)
                .formParam("client_secret", LocalIdentityProvider.CLIENT_SECRET)
                .formParam("username", username)
                .formParam("password", password)
                .post(identity.authServerUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** Stops the instances, then the servers; their logs stay under {@code target/portals/}. */
    @Override
    public void close() {
        portals.forEach(PortalProcess::close);
        smtp.stop();
        identity.close();
        database.close();
        PortalProcess.deleteRecursively(identityData);
    }
}
