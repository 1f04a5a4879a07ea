package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The council's minimum notice (rule deprecation-notice): it may be raised, never set below 90 days nor made a
 * warning, and a raised minimum refuses a notice the default would have accepted.
 */
@QuarkusTest
class NoticePeriodTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void putBack() {
        clock.reset();
        String carla = Tokens.accessToken("carla.council", "council");
        change(carla, "blocking", 90).then().statusCode(200);
    }

    @Test
    void theCouncilRaisesTheMinimumButNeverBelowNinetyDaysAndNeverToAWarning() {
        String carla = Tokens.accessToken("carla.council", "council");
        change(carla, "blocking", 89)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("parameters.minimumNoticeDays"))
                .body("errors[0].message", containsString("90"));
        change(carla, "blocking", 90.5).then().statusCode(422);
        change(carla, "warning", 120).then().statusCode(422).body("errors.field", hasItem("severity"));
        change(carla, "blocking", 120).then().statusCode(200);

        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        Descriptors product = Descriptors.product(Descriptors.newDomainWithToken(admin, "nora.network"));
        product.publishWithToken(nora).then().statusCode(201);
        clock.freeze(Instant.parse("2027-01-01T12:00:00Z"));
        String body =
                "{\"reason\": \"Replaced\", \"successor\": \"none\", \"noSuccessorReason\": \"Gone\", \"sunset\": ";
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body(body + "\"2027-04-20\"}")
                .post("/api/products/" + product.key() + "/deprecation")
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("120 days"))
                .body("errors[0].message", containsString("2027-05-02"));
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body(body + "\"2027-05-02\"}")
                .post("/api/products/" + product.key() + "/deprecation")
                .then()
                .statusCode(201);
    }

    private static io.restassured.response.Response change(String token, String severity, Number days) {
        JsonPath rule = given().auth()
                .oauth2(token)
                .get("/api/governance/rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int lockVersion = rule.getInt("find { it.id == 'deprecation-notice' }.lockVersion");
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of(
                        "severity",
                        severity,
                        "parameters",
                        Map.of("minimumNoticeDays", days),
                        "lockVersion",
                        lockVersion))
                .put("/api/governance/rules/deprecation-notice");
    }
}
