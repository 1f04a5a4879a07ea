package io.signalbox.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.CopiedSession;
import io.signalbox.testing.SignOutRecords;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Signing out here is final even when the provider never reports the sign-out back (a provider without back-channel
 * logout, or a browser that never reached the provider's sign-out page).
 */
@QuarkusTest
class SignOutBrowserTest extends BrowserJourney {

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource database;

    @Test
    void aCopiedSessionCookieIsRefusedAfterSigningOutHereThoughTheProviderNeverHeardOfIt() {
        openAndWait("audit");
        Browser.signIn(browser, "carla.council", "council");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("Audit");
        CopiedSession session = CopiedSession.of(browser);
        session.get("/audit").then().statusCode(200);

        // What the "Sign out" button posts; the redirect to the provider's sign-out page is not followed, so the
        // provider's session lives on and no back-channel report ever comes.
        Instant signingOut = clock.instant();
        Response signOut = session.post("/logout");
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.header("Location")).contains("/protocol/openid-connect/logout");

        session.assertRefusedFromNowOn("/audit", clock);
        // Recorded in PostgreSQL for every replica, until the session's cookie expires (its ID token lives ten
        // minutes in the test realm, the cookie five more).
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(SignOutRecords.since(database, signingOut))
                        .singleElement()
                        .satisfies(row -> {
                            assertThat(row.sessionKey()).startsWith(SessionToken.SID);
                            assertThat(row.refusedUntil())
                                    .isAfter(signingOut.plus(Duration.ofMinutes(10)))
                                    .isBefore(signingOut.plus(Duration.ofMinutes(16)));
                        }));
    }
}
