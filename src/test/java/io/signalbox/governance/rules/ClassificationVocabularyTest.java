package io.signalbox.governance.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The council's classification vocabulary (issue 11 A4): aliases such as {@code sensitive} → confidential are read as
 * their level with a warning, kept on the rules page, changed by the council alone (form and API), and audited.
 */
@QuarkusTest
class ClassificationVocabularyTest {

    /** A column as datacontract-cli exports it: pii as text, a classification name of its own. */
    private static Descriptors exported(String domain, String classification) {
        return Descriptors.product(domain)
                .columnYaml(
                        "      - name: email\n        logicalType: string\n        classification: " + classification
                                + "\n        description: Contact address\n        customProperties:\n"
                                + "          - property: pii\n            value: 'True'\n"
                                + "          - property: accessNote\n            value: Masked outside customer care\n");
    }

    private static String newAlias() {
        return "tier-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void everyoneReadsTheLevelsAndTheAliasesTheCouncilStartsWith() {
        given().get("/api/governance/classifications")
                .then()
                .statusCode(200)
                .body("levels", contains("public", "internal", "confidential", "restricted"))
                .body("aliases.alias", hasItem("sensitive"))
                .body("aliases.find { it.alias == 'sensitive' }.classification", equalTo("confidential"));
        Document page = Jsoup.parse(given().get("/governance/rules").asString());
        assertThat(page.select("#vocabulary tr[data-alias=sensitive]").text()).contains("sensitive", "confidential");
        assertThat(page.select("#vocabulary form")).isEmpty();
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void aDatacontractCliExportPublishesWithSensitiveReadAsConfidentialAndTextPiiAsTrue() {
        Descriptors product = exported(Descriptors.newDomain(), "sensitive");

        product.publish()
                .then()
                .statusCode(201)
                .body(
                        "descriptorWarnings.field",
                        contains(
                                "contracts[0].schema[0].properties[2].classification",
                                "contracts[0].schema[0].properties[2].customProperties[0].value"))
                .body(
                        "descriptorWarnings.message",
                        contains(
                                "'sensitive' is the council's alias for confidential: read as confidential; write"
                                        + " confidential to say it directly",
                                "'True' is text; it is read as true: write true without quotes"));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("version.schema[0].columns[2].name", equalTo("email"))
                .body("version.schema[0].columns[2].classification", equalTo("confidential"))
                .body("version.schema[0].columns[2].pii", equalTo(true));
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anUnknownNameIsRefusedNamingTheLevelsAndTheAliases() {
        exported(Descriptors.newDomain(), "secret")
                .publish()
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("contracts[0].schema[0].properties[2].classification"))
                .body(
                        "errors[0].message",
                        org.hamcrest.Matchers.startsWith("'secret' is not a classification: use public, internal,"
                                + " confidential or restricted, or an alias the council keeps: "))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("sensitive (read as confidential)"));
    }

    @Test
    @TestSecurity(
            user = "carla.council",
            roles = {"council", "admin"})
    void theCouncilDefinesAnAliasThatDescriptorsMayUseUntilItIsRemoved() {
        String alias = newAlias();
        String domain = Descriptors.newDomain();

        given().contentType("application/json")
                .body(Map.of("classification", "restricted"))
                .put("/api/governance/classifications/aliases/" + alias.toUpperCase())
                .then()
                .statusCode(201)
                .body("alias", equalTo(alias))
                .body("classification", equalTo("restricted"))
                .body("createdBy", equalTo("carla.council"));
        given().contentType("application/json")
                .body(Map.of("classification", "restricted"))
                .put("/api/governance/classifications/aliases/" + alias)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body(Map.of("classification", "confidential"))
                .put("/api/governance/classifications/aliases/" + alias)
                .then()
                .statusCode(200)
                .body("classification", equalTo("confidential"));

        exported(domain, alias)
                .validate()
                .then()
                .statusCode(200)
                .body(
                        "descriptorWarnings[0].message",
                        equalTo("'" + alias
                                + "' is the council's alias for confidential: read as confidential; write confidential"
                                + " to say it directly"));

        given().delete("/api/governance/classifications/aliases/" + alias)
                .then()
                .statusCode(204);
        given().delete("/api/governance/classifications/aliases/" + alias)
                .then()
                .statusCode(404);
        exported(domain, alias).validate().then().statusCode(422);

        given().get("/api/audit?subject=" + alias)
                .then()
                .statusCode(200)
                .body(
                        "items.action",
                        contains(
                                "classification-alias.removed",
                                "classification-alias.changed",
                                "classification-alias.defined"))
                .body("items[1].before", equalTo(alias + " → restricted"))
                .body("items[1].after", equalTo(alias + " → confidential"))
                .body("items[2].actor", equalTo("carla.council"));
    }

    @Test
    @TestSecurity(user = "carla.council", roles = "council")
    void badAliasesAreRefusedNamingTheField() {
        given().contentType("application/json")
                .body(Map.of("classification", "confidential"))
                .put("/api/governance/classifications/aliases/Public")
                .then()
                .statusCode(422)
                .body("errors.field", contains("alias"))
                .body(
                        "errors[0].message",
                        equalTo("'public' is a classification level itself; an alias is another name for one"));
        given().contentType("application/json")
                .body(Map.of("classification", "secret"))
                .put("/api/governance/classifications/aliases/" + newAlias())
                .then()
                .statusCode(422)
                .body("errors.field", contains("classification"))
                .body(
                        "errors[0].message",
                        equalTo("must be one of the levels: public, internal, confidential or restricted"));
        given().contentType("application/json")
                .body(Map.of("classification", "internal"))
                .put("/api/governance/classifications/aliases/-x-")
                .then()
                .statusCode(422)
                .body("errors.field", contains("alias"));
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void onlyTheCouncilChangesTheVocabulary() {
        String alias = newAlias();
        given().contentType("application/json")
                .body(Map.of("classification", "internal"))
                .put("/api/governance/classifications/aliases/" + alias)
                .then()
                .statusCode(403);
        given().delete("/api/governance/classifications/aliases/sensitive")
                .then()
                .statusCode(403);
        FormSession session = FormSession.openedAt("/domains/" + Descriptors.newDomain() + "/publish");
        FormSession.assertRefusedByRoleCheck(
                session.post("/governance/rules/aliases", Map.of("alias", alias, "classification", "internal")),
                "Only members of the governance council may change the classification vocabulary");
        given().get("/api/governance/classifications")
                .then()
                .body("aliases.alias", org.hamcrest.Matchers.not(hasItem(alias)));
    }

    @Test
    @TestSecurity(user = "carla.council", roles = "council")
    void aCouncilMemberKeepsAliasesFromTheRulesPage() {
        String alias = newAlias();
        Response opened = given().get("/governance/rules");
        Document rules = Jsoup.parse(opened.asString());
        String token = rules.select("form[action=/governance/rules/aliases] input[name=csrf-token]")
                .attr("value");
        String cookie = opened.getCookie(FormSession.COOKIE);
        assertThat(token).isNotBlank();

        // Without the token nothing changes.
        given().cookie(FormSession.COOKIE, cookie)
                .formParam("alias", alias)
                .formParam("classification", "internal")
                .redirects()
                .follow(false)
                .post("/governance/rules/aliases")
                .then()
                .statusCode(403);
        FormSession session = new FormSession(cookie, token);
        Response saved =
                session.post("/governance/rules/aliases", Map.of("alias", alias, "classification", "internal"));
        saved.then().statusCode(303);
        assertThat(saved.getHeader("Location")).endsWith("/governance/rules?alias=" + alias + "#vocabulary");

        Document after =
                Jsoup.parse(given().get("/governance/rules?alias=" + alias).asString());
        assertThat(after.select("#vocabulary tr[data-alias=" + alias + "]").text())
                .contains("internal", "carla.council");
        assertThat(after.select("#vocabulary .notice--ok").text()).contains(alias);

        Response refused =
                session.post("/governance/rules/aliases", Map.of("alias", "internal", "classification", "public"));
        refused.then().statusCode(422);
        assertThat(Jsoup.parse(refused.asString())
                        .select("#vocabulary [role=alert]")
                        .text())
                .contains("'internal' is a classification level itself");

        session.post("/governance/rules/aliases/" + alias + "/remove", Map.of())
                .then()
                .statusCode(303);
        assertThat(given().get("/api/governance/classifications").jsonPath().getList("aliases.alias", String.class))
                .doesNotContain(alias);
    }
}
