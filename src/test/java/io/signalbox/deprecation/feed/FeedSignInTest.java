package io.signalbox.deprecation.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds need sign-in like every page, and are read by feed readers and pipelines with a bearer token (docs/feeds.md):
 * real tokens from the test Keycloak, and no {@code @TestSecurity}, so what answers is the portal's own sign-in.
 */
@QuarkusTest
class FeedSignInTest {

    static String adminToken;
    static String readerToken;
    static String domain;

    // Once per class, but in @BeforeEach: the portal and Keycloak are up only once Quarkus started the test.
    @BeforeEach
    void aDomainAndTwoTokens() {
        if (domain != null) {
            return;
        }
        adminToken = Tokens.accessToken("adam.admin", "admin");
        readerToken = Tokens.accessToken("rita.reader", "reader");
        domain = Descriptors.newDomainWithToken(adminToken, "adam.admin");
    }

    @Test
    void anAnonymousReaderGets401AskingForABearerTokenNotARedirectToSignIn() {
        for (String path : new String[] {
            "/feeds/deprecations.atom", "/feeds/domains/" + domain + ".atom", "/feeds/domains/no-such-domain.atom"
        }) {
            Response answer = given().redirects().follow(false).get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.getHeader("WWW-Authenticate")).as(path).startsWith("Bearer");
        }
    }

    @Test
    void aReaderWithABearerTokenReadsTheFeeds() {
        Response answer =
                given().redirects().follow(false).auth().oauth2(readerToken).get("/feeds/domains/" + domain + ".atom");

        answer.then().statusCode(200);
        SyndFeed feed = FeedsTest.parse(answer.asByteArray());
        assertThat(feed.getUri()).isEqualTo(FeedsTest.TAG + "feeds/domains/" + domain);
        given().auth()
                .oauth2(readerToken)
                .get("/feeds/deprecations.atom")
                .then()
                .statusCode(200);
    }

    @Test
    void aForgedTokenIsRefused() {
        given().redirects()
                .follow(false)
                .auth()
                .oauth2(readerToken.substring(0, readerToken.length() - 4) + "AAAA")
                .get("/feeds/deprecations.atom")
                .then()
                .statusCode(401);
    }
}
