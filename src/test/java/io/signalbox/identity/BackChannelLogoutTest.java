package io.signalbox.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.signalbox.launcher.LocalIdentityProvider;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.KeycloakTestResource;
import io.signalbox.testing.SignOutRecords;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider's sign-out reports (back-channel logout) with the real Keycloak: a session it ends is refused to bearer
 * tokens too, and a report that is not the provider's logout token changes nothing.
 */
@QuarkusTest
class BackChannelLogoutTest {

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource database;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aBearerTokenOfASessionTheProviderEndedGets401FromThenOn() {
        JsonPath tokens = given().formParam("grant_type", "password")
                .formParam("client_id", LocalIdentityProvider.CLIENT_ID)
                .formParam("client_secret", LocalIdentityProvider.CLIENT_SECRET)
                .formParam("username", "nora.network")
                .formParam("password", "network")
                .post(KeycloakTestResource.authServerUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String accessToken = tokens.getString("access_token");
        given().auth().oauth2(accessToken).get("/api/domains").then().statusCode(200);

        // The session ends at the provider (as when the person signs out of another application of the realm, or an
        // administrator ends it); the provider reports it to /back-channel-logout.
        given().formParam("client_id", LocalIdentityProvider.CLIENT_ID)
                .formParam("client_secret", LocalIdentityProvider.CLIENT_SECRET)
                .formParam("refresh_token", tokens.getString("refresh_token"))
                .post(KeycloakTestResource.authServerUrl() + "/protocol/openid-connect/logout")
                .then()
                .statusCode(204);

        // The access token itself stays valid for ten minutes; only the record of the sign-out refuses it.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().auth()
                        .oauth2(accessToken)
                        .get("/api/domains")
                        .then()
                        .statusCode(401));
        clock.advance(Duration.ofSeconds(60));
        given().auth().oauth2(accessToken).get("/api/domains").then().statusCode(401);
        clock.advance(Duration.ofMinutes(4));
        given().auth().oauth2(accessToken).get("/api/domains").then().statusCode(401);

        // Another session of the same person is not affected.
        given().auth()
                .oauth2(Tokens.accessToken("nora.network", "network"))
                .get("/api/domains")
                .then()
                .statusCode(200);
    }

    @Test
    void aSignOutReportThatIsNotTheProvidersLogoutTokenIsRefusedAndChangesNothing() {
        Instant before = clock.instant();

        given().post("/back-channel-logout").then().statusCode(400);
        given().formParam("logout_token", "not-a-token")
                .post("/back-channel-logout")
                .then()
                .statusCode(400);
        // Signed by the provider, but an access token: not for the Signalbox client's audience, no logout event.
        given().formParam("logout_token", Tokens.accessToken("rita.reader", "reader"))
                .post("/back-channel-logout")
                .then()
                .statusCode(400);
        // A forged logout token: the provider's shape, no valid signature.
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"logout+jwt\"}");
        String claims = base64("{\"iss\":\"" + KeycloakTestResource.authServerUrl() + "\",\"aud\":\""
                + LocalIdentityProvider.CLIENT_ID + "\",\"sid\":\"forged\",\"iat\":" + before.getEpochSecond()
                + ",\"exp\":" + (before.getEpochSecond() + 120)
                + ",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}");
        given().formParam("logout_token", header + "." + claims + "." + base64("signature"))
                .post("/back-channel-logout")
                .then()
                .statusCode(400);

        assertThat(SignOutRecords.since(database, before)).isEmpty();
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
