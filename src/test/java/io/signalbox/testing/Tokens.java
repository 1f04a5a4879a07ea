package io.signalbox.testing;

import static io.restassured.RestAssured.given;

import io.signalbox.launcher.LocalIdentityProvider;

/** Real access tokens from the test Keycloak, for the demo users of the realm (password grant). */
public final class Tokens {

    private Tokens() {}

    public static String accessToken(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", LocalIdentityProvider.CLIENT_ID)
                .formParam("client_secret", LocalIdentityProvider.CLIENT_SECRET)
                .formParam("username", username)
                .formParam("password", password)
                .post(KeycloakTestResource.authServerUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
