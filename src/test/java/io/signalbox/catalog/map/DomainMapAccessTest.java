package io.signalbox.catalog.map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.KeycloakTestResource;
import io.signalbox.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Who may read the domain map: every signed-in person; anonymous visitors are sent to sign in (pages) or get 401. */
@QuarkusTest
class DomainMapAccessTest {

    @Test
    void anAnonymousVisitorGets401FromTheApiAndIsSentToSignInByThePage() {
        given().get("/api/domains/map").then().statusCode(401);
        given().redirects()
                .follow(false)
                .get("/domains/map")
                .then()
                .statusCode(302)
                .header("Location", startsWith(KeycloakTestResource.authServerUrl()));
    }

    @Test
    void aReaderReadsTheMapButMayNotRegisterTheDomainMap() {
        String reader = Tokens.accessToken("rita.reader", "reader");
        given().auth().oauth2(reader).get("/api/domains/map").then().statusCode(200);
        given().auth()
                .oauth2(reader)
                .contentType("application/json")
                .body("{}")
                .put("/api/domains/map")
                .then()
                .statusCode(403);
    }
}
