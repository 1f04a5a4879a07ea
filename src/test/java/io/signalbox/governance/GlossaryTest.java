package io.signalbox.governance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Each domain's dictionary of its own terms, linked to the canonical entities. */
@QuarkusTest
class GlossaryTest {

    private static Response define(String domain, String term, Map<String, ?> body) {
        return given().contentType("application/json").body(body).put("/api/domains/" + domain + "/glossary/" + term);
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void ownersDefineTermsLinkedToCanonicalEntities() {
        String domain = Descriptors.newDomain();
        String term = "circuit" + System.nanoTime();
        define(domain, term, Map.of("definition", "A leased line between two sites.", "canonical", "Service"))
                .then()
                .statusCode(201)
                .body("canonical", equalTo("Service"));
        define(domain, term, Map.of("definition", "A leased line, end to end.", "canonical", "Service.service_type"))
                .then()
                .statusCode(200);
        define(domain, "x", Map.of("definition", "d", "canonical", "Service.nothing"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("canonical"));
        define(domain, "y", Map.of("definition", " "))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("definition"));

        assertThat(given().get("/api/governance/entities/Service")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("terms.term", String.class))
                .contains(term);
        assertThat(given().get("/api/domains/" + domain + "/glossary")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("[0].definition"))
                .isEqualTo("A leased line, end to end.");

        given().delete("/api/domains/" + domain + "/glossary/" + term).then().statusCode(204);
        given().delete("/api/domains/" + domain + "/glossary/" + term).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void theGlossaryPageDefinesATermWithItsToken() {
        String domain = Descriptors.newDomain();
        Response opened = given().get("/domains/" + domain + "/glossary");
        Document page = Jsoup.parse(opened.asString());
        String token = page.select("form[action=/domains/" + domain + "/glossary] input[name=csrf-token]")
                .attr("value");
        String cookie = opened.getCookie("signalbox-form");

        Response refused = given().cookie("signalbox-form", cookie)
                .formParam("csrf-token", token)
                .formParam("term", "line")
                .formParam("definition", "An invoice line for one service.")
                .formParam("canonical", "Widget")
                .post("/domains/" + domain + "/glossary");
        refused.then().statusCode(422);
        Document again = Jsoup.parse(refused.asString());
        assertThat(again.select("[role=alert]").text()).contains("canonical");
        assertThat(again.select("input[name=term]").attr("value")).isEqualTo("line");

        given().cookie("signalbox-form", cookie)
                .formParam("csrf-token", token)
                .formParam("term", "line")
                .formParam("definition", "An invoice line for one service.")
                .formParam("canonical", "Service")
                .redirects()
                .follow(false)
                .post("/domains/" + domain + "/glossary")
                .then()
                .statusCode(303);
        Document saved = Jsoup.parse(
                given().get("/domains/" + domain + "/glossary?saved=line").asString());
        assertThat(saved.select("#terms dt").text()).contains("line", "Service");
        assertThat(saved.select(".notice--ok").text()).contains("line");
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void readersReadButDoNotChangeAGlossary() {
        String domain =
                given().get("/api/domains").then().statusCode(200).extract().path("[0].key");
        assertThat(domain).isNotNull();
        given().get("/api/domains/" + domain + "/glossary").then().statusCode(200);
        define(domain, "anything", Map.of("definition", "d")).then().statusCode(403);
        assertThat(Jsoup.parse(given().get("/domains/" + domain + "/glossary").asString())
                        .select("form[action=/domains/" + domain + "/glossary]"))
                .isEmpty();
    }
}
