package io.signalbox.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a portal that signs people in at a real identity provider with the demo realm's client secret,
 * which is public in this repository: anyone could then act as the portal towards the provider. The demo secret is
 * for the local Keycloak on this machine (a loopback address), where the run command and the tests use it.
 */
@ApplicationScoped
public class DemoSecretGuard {

    /** The client secret of src/main/resources/keycloak/signalbox-realm.json. */
    static final String DEMO_SECRET = "signalbox-local-demo-secret-not-for-production-0123456789";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> provider;

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    Optional<String> secret;

    void onStart(@Observes StartupEvent event) {
        problem(provider.orElse(null), secret.orElse(null)).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** Why these settings must not start, or empty when they may. */
    static Optional<String> problem(String providerUrl, String clientSecret) {
        if (!DEMO_SECRET.equals(clientSecret) || providerUrl == null || isLoopback(providerUrl)) {
            return Optional.empty();
        }
        return Optional.of("QUARKUS_OIDC_AUTH_SERVER_URL points at " + providerUrl + " but the client secret is still"
                + " the demo realm's, which is public: set QUARKUS_OIDC_CREDENTIALS_SECRET to the secret your identity"
                + " provider issued for the Signalbox client (docs/identity.md).");
    }

    private static boolean isLoopback(String url) {
        String host = URI.create(url).getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }
}
