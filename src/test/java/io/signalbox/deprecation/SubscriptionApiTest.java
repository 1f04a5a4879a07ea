package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subscriptions through the API: channels, webhooks and their secrets, refusals by field, one's own list. */
@QuarkusTest
class SubscriptionApiTest {

    @Test
    void aSubscriptionKeepsItsChannelsShowsTheWebhookSecretOnceAndRefusesPrivateTargets() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        Descriptors product = Descriptors.product(domain);
        product.publishWithToken(nora).then().statusCode(201);
        String rita = Tokens.accessToken("rita.reader", "reader");
        String path = "/api/products/" + product.key() + "/subscription";

        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .body("{\"channels\": [\"pigeon\"]}")
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("channels"))
                .body("errors[0].message", containsString("email, inbox, webhook"));
        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .body("{\"channels\": [\"webhook\"]}")
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("webhookUrl"));
        for (String target : List.of(
                "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest", "http://[::1]/")) {
            given().auth()
                    .oauth2(rita)
                    .contentType("application/json")
                    .body("{\"channels\": [\"webhook\"], \"webhookUrl\": \"" + target + "\"}")
                    .post(path)
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem("webhookUrl"));
        }
        given().auth()
                .oauth2(rita)
                .get("/api/me/subscriptions")
                .then()
                .body("items.key", org.hamcrest.Matchers.not(hasItem(product.key())));

        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .body("{\"channels\": [\"inbox\", \"webhook\"], \"webhookUrl\": \"https://93.184.215.14/signalbox\"}")
                .post(path)
                .then()
                .statusCode(201)
                .body("channels", equalTo(List.of("inbox", "webhook")))
                .body("webhookSecret", matchesPattern("[0-9a-f]{64}"));
        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .body("{\"channels\": [\"email\", \"webhook\"], \"webhookUrl\": \"https://93.184.215.14/signalbox\"}")
                .post(path)
                .then()
                .statusCode(200)
                .body("channels", equalTo(List.of("email", "webhook")))
                .body("webhookSecret", nullValue());
        List<String> keys = given().auth()
                .oauth2(rita)
                .queryParam("size", 200)
                .get("/api/me/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.key");
        assertThat(keys).contains(product.key());
        given().auth()
                .oauth2(nora)
                .get("/api/me/subscriptions")
                .then()
                .body("items.key", org.hamcrest.Matchers.not(hasItem(product.key())));

        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .body("{}")
                .post("/api/domains/" + domain + "/subscription")
                .then()
                .statusCode(201)
                .body("scope", equalTo("domain"));
        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .body("{}")
                .post("/api/domains/nowhere/subscription")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .body("{}")
                .post("/api/products/nowhere.nothing/subscription")
                .then()
                .statusCode(404);
    }
}
