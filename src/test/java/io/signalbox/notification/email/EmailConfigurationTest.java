package io.signalbox.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The production settings of the email channel, read from the application.properties that ships (tests run with a
 * 5 s timeout, so this is the one place the 30 s is checked).
 */
class EmailConfigurationTest {

    private static Properties shipped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmailConfigurationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everySendIsAbandonedAfterThirtySecondsInProduction() throws IOException {
        Properties properties = shipped();
        assertThat(properties.getProperty("signalbox.notification.email.timeout"))
                .isEqualTo("30S");
        assertThat(properties.getProperty("quarkus.mailer.timeout")).isEqualTo("30S");
    }

    @Test
    void theMailerMockIsOffInEveryProfile() throws IOException {
        Properties properties = shipped();
        assertThat(properties.getProperty("quarkus.mailer.mock")).isEqualTo("false");
        assertThat(properties.getProperty("%dev.quarkus.mailer.mock")).isEqualTo("false");
        assertThat(properties.getProperty("%test.quarkus.mailer.mock")).isEqualTo("false");
    }

    @Test
    void aClaimedRowIsHeldLongerThanTheSlowestSend() throws IOException {
        Properties properties = shipped();
        assertThat(java.time.Duration.parse("PT" + properties.getProperty("signalbox.notification.lease")))
                .isGreaterThan(java.time.Duration.parse("PT" + properties.getProperty("quarkus.mailer.timeout")));
    }
}
