package io.signalbox.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * The session cookies of a signed-in browser, copied as someone who got hold of them would, and replayed outside the
 * browser (redirects not followed).
 */
public record CopiedSession(Map<String, String> cookies) {

    /** Copies the browser's session cookie (Quarkus may split it into chunks: q_session, q_session_chunk_1, …). */
    public static CopiedSession of(WebDriver browser) {
        Map<String, String> session = browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session"))
                .collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
        assertThat(session).as("the browser's session cookie").isNotEmpty();
        return new CopiedSession(session);
    }

    /** Fetches a portal path with the copied cookies. */
    public Response get(String path) {
        return given().redirects().follow(false).cookies(cookies).get(path);
    }

    /** Posts to a portal path with the copied cookies. */
    public Response post(String path) {
        return given().redirects().follow(false).cookies(cookies).post(path);
    }

    /**
     * Replays the copied session after signing out three times, immediately, 60 s and 5 minutes later, and checks that
     * each is sent to sign in again. The minutes pass on the portal's clock, which is put back afterwards; the tokens in
     * the cookie stay valid for the provider's whole ten minutes meanwhile, so only the record of the sign-out can
     * refuse them.
     */
    public void assertRefusedFromNowOn(String path, AdjustableClock clock) {
        try {
            assertSentToSignIn(path, "immediately");
            clock.advance(Duration.ofSeconds(60));
            assertSentToSignIn(path, "60 s after signing out");
            clock.advance(Duration.ofMinutes(4));
            assertSentToSignIn(path, "5 minutes after signing out");
        } finally {
            clock.reset();
        }
    }

    /** Checks that the copied session no longer signs anyone in: the page sends to the provider's sign-in. */
    public void assertSentToSignIn(String path, String when) {
        Response replay = get(path);
        assertThat(replay.statusCode())
                .as("%s with a session cookie copied before signing out, replayed %s", path, when)
                .isEqualTo(302);
        assertThat(replay.header("Location"))
                .as("%s replayed %s is sent to sign in again", path, when)
                .contains("/protocol/openid-connect/auth");
    }
}
