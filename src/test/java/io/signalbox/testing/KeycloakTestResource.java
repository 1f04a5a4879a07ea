package io.signalbox.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.signalbox.launcher.LocalIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real OIDC provider for the test run: the Keycloak the build unpacked, with the Signalbox realm and its demo
 * users, on a free port and a throwaway database.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String authServerUrl;
    private LocalIdentityProvider keycloak;
    private int portalPort;

    /** The realm URL of the running test provider, for tests that fetch real tokens. */
    public static String authServerUrl() {
        return authServerUrl;
    }

    @Override
    public Map<String, String> start() {
        Path target = Path.of("target");
        Path home = LocalIdentityProvider.distributionUnder(target)
                .orElseThrow(() -> new IllegalStateException(
                        "target/keycloak is missing: the build unpacks it in generate-resources (./mvnw verify)"));
        try {
            Path data = Files.createTempDirectory(target.toAbsolutePath(), "keycloak-test-");
            portalPort = freePort();
            keycloak = LocalIdentityProvider.start(
                    home, freePort(), "http://127.0.0.1:" + portalPort, data, target.resolve("keycloak-test.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keycloak.awaitReady(Duration.ofMinutes(3));
        authServerUrl = keycloak.authServerUrl();
        Map<String, String> properties = new HashMap<>(keycloak.oidcProperties());
        // Keycloak tells the portal about sign-outs at this port, so the portal's test port is fixed here.
        properties.put("quarkus.http.test-port", String.valueOf(portalPort));
        return properties;
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
