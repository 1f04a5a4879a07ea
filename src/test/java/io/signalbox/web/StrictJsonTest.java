package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every JSON API reads bodies the same strict way: an unknown field, a key given twice or content after the value is
 * a 400 naming the field, and nothing changes (a misspelt lockVersion must never skip the lost-update check).
 */
@QuarkusTest
@TestSecurity(
        user = "carla.council",
        roles = {"council"})
class StrictJsonTest {

    private static io.restassured.path.json.JsonPath rule() {
        return given().get("/api/governance/rules/documentation-complete")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response changeRule(String body) {
        return given().contentType("application/json").body(body).put("/api/governance/rules/documentation-complete");
    }

    @Test
    void aMisspeltLockVersionIsRefusedByNameAndChangesNothing() {
        io.restassured.path.json.JsonPath before = rule();
        String other = "warning".equals(before.getString("severity")) ? "blocking" : "warning";
        Api.problem(changeRule("{\"severity\": \"" + other + "\", \"lockversion\": 0}"), 400)
                .body("errors[0].field", equalTo("lockversion"))
                .body("errors[0].message", containsString("not a field"));
        given().get("/api/governance/rules/documentation-complete")
                .then()
                .body("lockVersion", equalTo(before.getInt("lockVersion")))
                .body("severity", equalTo(before.getString("severity")));
    }

    @Test
    void aKeyGivenTwiceIsRefusedByName() {
        Api.problem(changeRule("{\"severity\": \"warning\", \"severity\": \"blocking\", \"lockVersion\": 0}"), 400)
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].message", containsString("twice"));
    }

    @Test
    void contentAfterTheValueIsRefused() {
        Api.problem(changeRule("{\"severity\": \"warning\"} {\"severity\": \"blocking\"}"), 400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("after the JSON value"));
    }

    @Test
    @TestSecurity(
            user = "adam.admin",
            roles = {"admin"})
    void theDomainApiReadsTheSameWay() {
        Api.problem(
                        given().contentType("application/json")
                                .body("{\"name\": \"Strict\", \"name\": \"Twice\"}")
                                .put("/api/domains/strict-json"),
                        400)
                .body("errors[0].field", equalTo("name"));
        given().get("/api/domains/strict-json").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void measurementsAreReadStrictlyToo() {
        Api.problem(
                        given().contentType("application/json")
                                .body("{\"lastRefreshedAt\": \"2026-11-30T00:00:00Z\", \"completenes\": {}}")
                                .post("/api/products/no.such-product/measurements"),
                        400)
                .body("errors[0].field", equalTo("completenes"));
    }

    /** A time without its offset is refused by name, with the form that is expected. */
    @Test
    @TestSecurity(user = "rita.reader")
    void aTimestampWithoutOffsetIsRefusedWithAnExample() {
        Api.problem(
                        given().contentType("application/json")
                                .body("{\"lastRefreshedAt\": \"2026-11-30 06:00\"}")
                                .post("/api/products/no.such-product/measurements"),
                        400)
                .body("errors[0].field", equalTo("lastRefreshedAt"))
                .body("errors[0].message", containsString("2026-11-30T06:00:00Z"));
    }

    /** Each time field of a body is named when its offset is missing, whatever the form of the rest. */
    @ParameterizedTest
    @CsvSource({
        "lastRefreshedAt, 2026-11-30T06:00:00",
        "lastRefreshedAt, 2026-11-30T06:00:00.125",
        "measuredAt, 2026-11-30T06:00",
        "measuredAt, 2026-11-30"
    })
    @TestSecurity(user = "rita.reader")
    void everyTimeFieldWithoutOffsetIsRefusedByName(String field, String value) {
        Api.problem(
                        given().contentType("application/json")
                                .body("{\"" + field + "\": \"" + value + "\"}")
                                .post("/api/products/no.such-product/measurements"),
                        400)
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString("with its offset"))
                .body("errors[0].message", containsString("2026-11-30T06:00:00Z"));
    }

    /** A calendar date in another form is refused by name with the ISO form. */
    @Test
    void aDecisionDayInAnotherFormIsRefusedByName() {
        Api.problem(
                        given().contentType("application/json")
                                .body("{\"title\": \"t\", \"decidedOn\": \"30/11/2026\"}")
                                .post("/api/governance/entities/Service/decisions"),
                        400)
                .body("errors[0].field", equalTo("decidedOn"))
                .body("errors[0].message", containsString("2026-11-30"));
    }
}
