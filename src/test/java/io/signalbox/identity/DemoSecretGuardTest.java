package io.signalbox.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo client secret signs people in at the local Keycloak only. */
class DemoSecretGuardTest {

    @Test
    void theDemoSecretWithARealProviderRefusesToStartAndSaysWhatToSet() {
        assertThat(DemoSecretGuard.problem("https://id.example.com/realms/acme", DemoSecretGuard.DEMO_SECRET))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("https://id.example.com/realms/acme")
                        .contains("QUARKUS_OIDC_CREDENTIALS_SECRET"));
    }

    @Test
    void theDemoSecretWithTheLocalKeycloakStarts() {
        assertThat(DemoSecretGuard.problem("http://127.0.0.1:8180/realms/signalbox", DemoSecretGuard.DEMO_SECRET))
                .isEmpty();
        assertThat(DemoSecretGuard.problem("http://localhost:8180/realms/signalbox", DemoSecretGuard.DEMO_SECRET))
                .isEmpty();
    }

    @Test
    void anOperatorsOwnSecretStartsAnywhere() {
        assertThat(DemoSecretGuard.problem("https://id.example.com/realms/acme", "a-secret-of-the-operators-own"))
                .isEmpty();
    }
}
