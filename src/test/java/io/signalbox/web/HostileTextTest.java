package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A NUL or a lone surrogate in a path, a parameter or JSON text is a 400 naming where it is, never a 500. */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
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
                        .getList("items.term"))
                .isEmpty();
        // A whole surrogate pair is ordinary text.
        given().contentType("application/json")
                .body("{\"definition\": \"Churn \\ud83d\\udcc9 measured monthly.\"}")
                .put("/api/domains/" + domain + "/glossary/churn")
                .then()
                .statusCode(201);
    }

    @Test
    void aControlCharacterInAFormReadWholeIsRefusedByName() {
        // The decision form is read as one map (no declared form parameters): the door check must see it too.
        String entity = given().get("/api/governance/entities").then().extract().path("items[0].name");
        int decisionsBefore = given().get("/api/governance/entities/" + entity)
                .then()
                .extract()
                .jsonPath()
                .getInt("decisionCount");
        FormSession session = FormSession.openedAt("/governance/entities/" + entity);
        Response page = session.post(
                "/governance/entities/" + entity + "/decisions",
                Map.of(
                        "title", "Split \u0007 the entity",
                        "context", "Context.",
                        "decision", "Decision.",
                        "consequences", "Consequences.",
                        "status", "proposed"));
        page.then().statusCode(400);
        assertThat(Jsoup.parse(page.asString()).select("ul.problems code").eachText())
                .containsExactly("title");
        assertThat(given().get("/api/governance/entities/" + entity)
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("decisionCount"))
                .isEqualTo(decisionsBefore);
    }

    @Test
    void aDateOutsideWhatCanBeStoredIsA422NamingTheFieldAndNothingIsStored() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        for (String measuredAt : new String[] {"+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z"}) {
            Api.problem(
                            given().contentType("application/json")
                                    .body("{\"measuredAt\": \"" + measuredAt + "\", \"completeness\": {}}")
                                    .post("/api/products/" + product.key() + "/measurements"),
                            422)
                    .body("errors[0].field", equalTo("measuredAt"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("between the years 1 and 9999"));
        }
        given().get("/api/products/" + product.key() + "/compliance")
                .then()
                .statusCode(200)
                .body("trigger", equalTo("publication"));
        String entity = given().get("/api/governance/entities").then().extract().path("items[0].name");
        Api.problem(
                        given().contentType("application/json")
                                .body("{\"title\": \"t\", \"context\": \"c\", \"decision\": \"d\","
                                        + " \"consequences\": \"q\", \"decidedOn\": \"-5000-01-01\"}")
                                .post("/api/governance/entities/" + entity + "/decisions"),
                        422)
                .body("errors[0].field", equalTo("decidedOn"));
    }

    @Test
    void theCheckKnowsPairsFromHalves() {
        assertThat(HostileText.isUnstorable("plain")).isFalse();
        assertThat(HostileText.isUnstorable("emoji \ud83d\udcc9")).isFalse();
        assertThat(HostileText.isUnstorable("nul \u0000")).isTrue();
        assertThat(HostileText.isUnstorable("high \ud83d")).isTrue();
        assertThat(HostileText.isUnstorable("low \udcc9 first")).isTrue();
        assertThat(HostileText.isUnstorable(null)).isFalse();
        assertThat(HostileText.isUnstorable("tab\tline\r\nbreaks")).isFalse();
        assertThat(HostileText.isUnstorable("bell \u0007")).isTrue();
        assertThat(HostileText.isUnstorable("escape \u001b[31m")).isTrue();
        assertThat(HostileText.isUnstorable("delete \u007f")).isTrue();
        assertThat(HostileText.isUnstorable("decoded from broken UTF-8 \ufffd")).isTrue();
        assertThat(HostileText.isUnstorable("UTF-8 read as Latin-1 \u00ed\u00a0\u0080"))
                .isTrue();
        assertThat(HostileText.isUnstorable("C1 next line \u0085")).isTrue();
        assertThat(HostileText.isUnstorable("Latin-1 letters caf\u00e9 \u00a0 \u00ff"))
                .isFalse();
    }

    @Test
    void aControlCharacterNeverBecomesAGlossaryTerm() {
        String domain = Descriptors.newDomain();
        Api.problem(
                        given().urlEncodingEnabled(false)
                                .contentType("application/json")
                                .body("{\"definition\": \"A customer who leaves.\"}")
                                .put("/api/domains/" + domain + "/glossary/ch%01urn"),
                        400)
                .body("errors[0].field", equalTo("path"));
        FormSession session = FormSession.openedAt("/domains/" + domain + "/glossary");
        Response page = session.post(
                "/domains/" + domain + "/glossary",
                Map.of("term", "ch\u001burn", "definition", "A customer who leaves.", "canonical", ""));
        page.then().statusCode(400);
        assertThat(Jsoup.parse(page.asString()).select("ul.problems code").eachText())
                .containsExactly("term");
        assertThat(given().get("/api/domains/" + domain + "/glossary")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.term"))
                .isEmpty();
    }
}
