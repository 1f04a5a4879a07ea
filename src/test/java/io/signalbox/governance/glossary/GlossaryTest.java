package io.signalbox.governance.glossary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.identity.DomainOwnership;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                        .getString("items[0].definition"))
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
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anOwnerRemovesATermFromThePage() {
        String domain = Descriptors.newDomain();
        define(domain, "circuit", Map.of("definition", "A leased line.")).then().statusCode(201);
        define(domain, "line", Map.of("definition", "An invoice line.")).then().statusCode(201);
        Response opened = given().get("/domains/" + domain + "/glossary");
        Document page = Jsoup.parse(opened.asString());
        var removeCircuit = page.select(
                "form[action=/domains/" + domain + "/glossary/remove]:has(input[name=term][value=circuit])");
        assertThat(removeCircuit).hasSize(1);

        given().cookie(FormSession.COOKIE, opened.getCookie(FormSession.COOKIE))
                .formParam(
                        "csrf-token",
                        removeCircuit.select("input[name=csrf-token]").attr("value"))
                .formParam("term", "circuit")
                .redirects()
                .follow(false)
                .post("/domains/" + domain + "/glossary/remove")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/domains/" + domain + "/glossary"));

        assertThat(terms(domain)).containsExactly("line");
        assertThat(Jsoup.parse(given().get("/domains/" + domain + "/glossary").asString())
                        .select("#terms dt")
                        .eachText())
                .containsExactly("line");
        assertThat(given().queryParam("domain", domain)
                        .queryParam("action", "glossary.removed")
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.subjectKey", String.class))
                .containsExactly(domain + ":circuit");
    }

    @Inject
    DomainService domains;

    @Inject
    DomainOwnership ownership;

    @Inject
    GlossaryService glossary;

    /** Setup for tests that run as people who may not register domains: straight through the service. */
    private String registerDomainDirectly() {
        String key = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        domains.register(
                key,
                new DomainService.DomainDraft(
                        "Domain " + key, "Test domain", "Owner <owner@example.com>", "tech@example.com", null),
                "test-setup");
        return key;
    }

    private static List<String> terms(String domain) {
        return given().get("/api/domains/" + domain + "/glossary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.term", String.class);
    }

    private static String definitionOf(String domain, String term) {
        return given().get("/api/domains/" + domain + "/glossary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.term == '" + term + "' }.definition");
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void readersReadButDoNotChangeAGlossary() {
        String domain = registerDomainDirectly();
        glossary.define(domain, "circuit", new GlossaryService.TermDraft("A leased line.", null, null), "test-setup");
        assertThat(terms(domain)).containsExactly("circuit");
        define(domain, "anything", Map.of("definition", "d")).then().statusCode(403);
        given().delete("/api/domains/" + domain + "/glossary/circuit").then().statusCode(403);
        assertThat(terms(domain)).containsExactly("circuit");
        assertThat(Jsoup.parse(given().get("/domains/" + domain + "/glossary").asString())
                        .select("form[action^=/domains/" + domain + "/glossary]"))
                .isEmpty();
    }

    @Test
    @TestSecurity(user = "olga.owner")
    void anOwnerOfAnotherDomainCannotAddOrRedefineATermFromThePage() {
        String domain = registerDomainDirectly();
        String own = registerDomainDirectly();
        ownership.grant(own, "olga.owner", "test-setup");
        glossary.define(domain, "circuit", new GlossaryService.TermDraft("A leased line.", null, null), "test-setup");
        // Olga keeps her own domain's glossary: its page gives her a valid token.
        FormSession session = FormSession.openedAt("/domains/" + own + "/glossary");

        FormSession.assertRefusedByRoleCheck(
                session.post(
                        "/domains/" + domain + "/glossary",
                        Map.of("term", "line", "definition", "An invoice line.", "canonical", "")),
                "and the governance council may change its glossary");
        FormSession.assertRefusedByRoleCheck(
                session.post(
                        "/domains/" + domain + "/glossary",
                        Map.of("term", "circuit", "definition", "Something else entirely.", "canonical", "")),
                "and the governance council may change its glossary");

        assertThat(terms(domain)).containsExactly("circuit");
        assertThat(definitionOf(domain, "circuit")).isEqualTo("A leased line.");
    }

    @Test
    @TestSecurity(user = "olga.owner")
    void anOwnerOfAnotherDomainCannotRemoveATermFromThePage() {
        String domain = registerDomainDirectly();
        String own = registerDomainDirectly();
        ownership.grant(own, "olga.owner", "test-setup");
        glossary.define(domain, "circuit", new GlossaryService.TermDraft("A leased line.", null, null), "test-setup");
        FormSession session = FormSession.openedAt("/domains/" + own + "/glossary");

        FormSession.assertRefusedByRoleCheck(
                session.post("/domains/" + domain + "/glossary/remove", Map.of("term", "circuit")),
                "and the governance council may change its glossary");

        assertThat(terms(domain)).containsExactly("circuit");
    }
}
