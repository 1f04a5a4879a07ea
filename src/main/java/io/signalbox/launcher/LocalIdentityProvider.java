package io.signalbox.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real OIDC provider for local runs and tests: the Keycloak server distribution that the build unpacks into
 * {@code target/keycloak}, started with the Signalbox realm (demo users for each role). Production never uses it: it
 * takes its provider from {@code QUARKUS_OIDC_AUTH_SERVER_URL}.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    public static final String REALM = "signalbox";
    public static final String CLIENT_ID = "signalbox-portal";
    /** The demo realm's client secret: fine for a laptop, replaced by the operator's own in any real deployment. */
    public static final String CLIENT_SECRET = "signalbox-local-demo-secret-not-for-production-0123456789";

    private final Process process;
    private final int port;

    private LocalIdentityProvider(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether the operator pointed Signalbox at an OIDC provider of their own. */
    public static boolean externalProviderConfigured() {
        return OperatorSettings.isSet("quarkus.oidc.auth-server-url");
    }

    /** The unpacked Keycloak distribution under the given build directory, if the build has unpacked it. */
    public static Optional<Path> distributionUnder(Path buildDirectory) {
        Path parent = buildDirectory.resolve("keycloak");
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(parent)) {
            return homes.filter(home -> Files.isRegularFile(home.resolve("bin/kc.sh")))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Keycloak in the background and returns at once: the portal starts beside it and signs people in as soon
     * as the provider answers.
     */
    /**
     * @param portalUrl where the portal listens, so that Keycloak can tell it about sign-outs (back-channel logout)
     */
    public static LocalIdentityProvider start(Path home, int port, String portalUrl, Path dataDirectory, Path logFile) {
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.createDirectories(dataDirectory);
            try (InputStream realm =
                    LocalIdentityProvider.class.getResourceAsStream("/keycloak/signalbox-realm.json")) {
                // Exact origins (the portal as 127.0.0.1 and as localhost, with its port): a prefix such as
                // "http://localhost*" would also let http://localhost.evil.example receive sign-in codes.
                String json = new String(realm.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("__PORTAL_LOCALHOST_URL__", portalUrl.replace("://127.0.0.1", "://localhost"))
                        .replace("__PORTAL_URL__", portalUrl);
                Files.writeString(imports.resolve("signalbox-realm.json"), json);
            }
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--import-realm",
                            "--db=dev-file",
                            "--db-url=jdbc:h2:file:"
                                    + dataDirectory.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE")
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            environment.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            LocalIdentityProvider provider = new LocalIdentityProvider(builder.start(), port);
            // Ctrl-C or SIGTERM may end the JVM before the launcher's own close runs: never leave Keycloak behind.
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "keycloak-stopper"));
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    public String authServerUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The Quarkus OIDC settings that point the portal at this provider. */
    public Map<String, String> oidcProperties() {
        return Map.of(
                "quarkus.oidc.auth-server-url", authServerUrl(),
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET);
    }

    /** Waits until the realm's discovery document answers; for tests, which need the provider before they run. */
    public void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(
                        URI.create(authServerUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue() + ")");
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak did not answer within " + timeout);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        // kc.sh starts the server as a child process: stop the whole tree.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
