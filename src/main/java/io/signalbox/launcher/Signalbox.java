package io.signalbox.launcher;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the portal. When no external PostgreSQL is configured, a real PostgreSQL is started first with its data in
 * {@code .signalbox/postgres} under the working directory and the demo catalog is loaded; when no OIDC provider is
 * configured, the local Keycloak with demo users starts beside it; when no SMTP server is configured, a local GreenMail
 * receives the portal's mail. One command gives a newcomer a working portal.
 */
@QuarkusMain
public class Signalbox {

    public static void main(String... args) {
        // Said first and plainly: a portal run without these dies half-alive on an OutOfMemoryError (issue 12).
        OutOfMemoryPolicy.problems().forEach(problem -> System.err.println("WARNING: " + problem));
        Path dataDirectory =
                Path.of(System.getProperty("signalbox.data-dir", ".signalbox")).toAbsolutePath();
        try (EmbeddedDatabase database = startDatabaseUnlessConfigured(dataDirectory);
                LocalIdentityProvider identity = startIdentityProviderUnlessConfigured(dataDirectory);
                LocalMailServer mail = startMailServerUnlessConfigured(dataDirectory)) {
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

    /**
     * Starts the local SMTP server (GreenMail) when no {@code quarkus.mailer.host} is configured and the build has
     * copied it; ports from {@code signalbox.local-mail.smtp-port} (3025), {@code .imap-port} (3143) and
     * {@code .api-port} (8025). Without it the portal still starts; email deliveries wait and retry.
     */
    private static LocalMailServer startMailServerUnlessConfigured(Path dataDirectory) {
        if (LocalMailServer.externalServerConfigured()) {
            return null;
        }
        Optional<Path> jar = LocalMailServer.jarUnder(Path.of("target"));
        if (jar.isEmpty()) {
            System.err.println("No SMTP server is configured and target/" + LocalMailServer.JAR + " is missing: email"
                    + " notifications wait and retry. Build with ./mvnw package, or set QUARKUS_MAILER_HOST.");
            return null;
        }
        int smtpPort = Integer.getInteger("signalbox.local-mail.smtp-port", 3025);
        if (LocalMailServer.listening(smtpPort)) {
            // Most often the GreenMail of an earlier run that was killed (kill -9 leaves it running): it serves as
            // well.
            // It may also be another portal's on a shared machine, so say where the mail goes.
            System.err.println("Something already listens on 127.0.0.1:" + smtpPort + " (a local GreenMail left by an"
                    + " earlier run?): mail is sent there. Set signalbox.local-mail.smtp-port to a free port for a"
                    + " mail server of this portal's own, or QUARKUS_MAILER_HOST for a real one.");
            System.setProperty("quarkus.mailer.host", "127.0.0.1");
            System.setProperty("quarkus.mailer.port", String.valueOf(smtpPort));
            System.setProperty("quarkus.mailer.start-tls", "DISABLED");
            return null;
        }
        LocalMailServer mail = LocalMailServer.start(
                jar.get(),
                smtpPort,
                Integer.getInteger("signalbox.local-mail.imap-port", 3143),
                Integer.getInteger("signalbox.local-mail.api-port", 8025),
                dataDirectory.resolve("greenmail.log"));
        mail.mailerProperties().forEach(System::setProperty);
        System.err.println("Mail is sent to a local GreenMail (nothing leaves this machine). See what was sent: "
                + mail.apiUrl() + "/user/<address>/messages/INBOX, or IMAP on 127.0.0.1:" + mail.imapPort()
                + " (login = the address, any password).");
        return mail;
    }
}
