package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import org.junit.jupiter.api.Test;

/** A NUL or a lone surrogate in a path, a parameter or JSON text is a 400 naming where it is, never a 500. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class HostileTextTest {

    @Test
    void aNulInThePathIsRefusedByName() {
        Api.problem(given().urlEncodingEnabled(false).get("/api/products/network.x%00y"), 400)
                .body("errors[0].field", equalTo("path"));
        Api.problem(given().urlEncodingEnabled(false).get("/api/domains/a%00b/glossary"), 400);
    }

    @Test
    void aNulInAParameterIsRefusedByName() {
        Api.problem(given().urlEncodingEnabled(false).get("/api/search?q=servi%00ce"), 400)
                .body("errors[0].field", equalTo("q"));
        Api.problem(given().urlEncodingEnabled(false).get("/api/audit?actor=a%00"), 400)
                .body("errors[0].field", equalTo("actor"));
    }

    @Test
    void hostileJsonTextIsRefusedByFieldAndNothingIsStored() {
        String domain = Descriptors.newDomain();
        for (String definition : new String[] {"bad \\u0000 text", "half \\ud800 pair", "other \\udc00 half"}) {
            Api.problem(
                            given().contentType("application/json")
                                    .body("{\"definition\": \"" + definition + "\"}")
                                    .put("/api/domains/" + domain + "/glossary/churn"),
                            400)
                    .body("errors[0].field", equalTo("definition"))
                    .body("errors[0].message", not(equalTo(null)));
        }
        assertThat(given().get("/api/domains/" + domain + "/glossary")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("term"))
                .isEmpty();
        // A whole surrogate pair is ordinary text.
        given().contentType("application/json")
                .body("{\"definition\": \"Churn \\ud83d\\udcc9 measured monthly.\"}")
                .put("/api/domains/" + domain + "/glossary/churn")
                .then()
                .statusCode(201);
    }

    @Test
    void theCheckKnowsPairsFromHalves() {
        assertThat(HostileText.isUnstorable("plain")).isFalse();
        assertThat(HostileText.isUnstorable("emoji \ud83d\udcc9")).isFalse();
        assertThat(HostileText.isUnstorable("nul \u0000")).isTrue();
        assertThat(HostileText.isUnstorable("high \ud83d")).isTrue();
        assertThat(HostileText.isUnstorable("low \udcc9 first")).isTrue();
        assertThat(HostileText.isUnstorable(null)).isFalse();
    }
}
