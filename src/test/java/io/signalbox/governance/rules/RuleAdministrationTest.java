package io.signalbox.governance.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.signalbox.testing.Descriptors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only the council changes rules; every change is validated, audited, versioned and applies to the next publication. */
@QuarkusTest
class RuleAdministrationTest {

    private static JsonPath rule(String id) {
        return given().get("/api/governance/rules/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response change(
            String id, String severity, Map<String, ?> parameters, Object lockVersion) {
        return given().contentType("application/json")
                .body(Map.of("severity", severity, "parameters", parameters, "lockVersion", lockVersion))
                .put("/api/governance/rules/" + id);
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void everyoneReadsTheRulesWithTheirStatementsAndWhereTheyAreEnforced() {
        List<Map<String, Object>> rules = given().get("/api/governance/rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(rules)
                .extracting(r -> (String) r.get("id"))
                .containsExactly(
                        "canonical-identifier-format",
                        "additive-extensions",
                        "canonical-names-keep-meaning",
                        "columns-classified",
                        "personal-data-protected",
                        "documentation-complete",
                        "freshness-declared",
                        "breaking-change-needs-major",
                        "canonical-completeness",
                        "data-fresh",
                        "deprecation-notice");
        assertThat(rules).allSatisfy(r -> {
            assertThat((String) r.get("statement")).hasSizeGreaterThan(40);
            assertThat(r.get("category"))
                    .isIn("interoperability", "quality", "discoverability", "evolution", "security");
            assertThat(r.get("severity")).isIn("blocking", "warning");
            assertThat(r.get("enforcedAt")).isIn("publication", "measurement", "deprecation");
        });
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void domainOwnersAndAdminsDoNotChangeRules() {
        JsonPath before = rule("freshness-declared");
        change("freshness-declared", "blocking", Map.of(), before.getInt("lockVersion"))
                .then()
                .statusCode(403);
        assertThat(rule("freshness-declared").getString("severity")).isEqualTo(before.getString("severity"));
    }

    @Test
    @TestSecurity(user = "carla.council", roles = "council")
    void badChangesAreRefusedNamingTheField() {
        int lock = rule("personal-data-protected").getInt("lockVersion");
        change("personal-data-protected", "fatal", Map.of("classifications", List.of("restricted")), lock)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("severity"));
        change("personal-data-protected", "blocking", Map.of("classifications", List.of("secret")), lock)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("parameters.classifications"));
        change(
                        "canonical-completeness",
                        "warning",
                        Map.of("minimumPercent", 150),
                        rule("canonical-completeness").getInt("lockVersion"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("parameters.minimumPercent"));
        change(
                        "canonical-completeness",
                        "warning",
                        Map.of("minimumPercent", 99, "colour", 3),
                        rule("canonical-completeness").getInt("lockVersion"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("parameters.colour"));
        given().contentType("application/json")
                .body("{\"severity\":\"warning\",\"parameters\":{}}")
                .put("/api/governance/rules/freshness-declared")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("lockVersion"));
        given().contentType("application/json")
                .body("{\"severity\":\"warning\",\"parameters\":{},\"lockVersion\":0}")
                .put("/api/governance/rules/no-such-rule")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(
            user = Descriptors.TEST_OWNER,
            roles = {"admin", "council"})
    void aCouncilChangeIsVersionedAuditedAndAppliesToTheNextPublication() {
        JsonPath before = rule("columns-classified");
        int ruleSetBefore = latestRuleSet();
        Descriptors unclassified = Descriptors.product(Descriptors.newDomain())
                .column("vlan_id", "integer", false, null, false, null, "Customer VLAN");
        unclassified.validate().then().statusCode(422);
        try {
            change("columns-classified", "warning", Map.of(), before.getInt("lockVersion"))
                    .then()
                    .statusCode(200)
                    .body("severity", equalTo("warning"))
                    .body("updatedBy", equalTo(Descriptors.TEST_OWNER));
            assertThat(latestRuleSet()).isEqualTo(ruleSetBefore + 1);

            // A second change from the same stale read is a conflict, not a silent overwrite.
            change("columns-classified", "blocking", Map.of(), before.getInt("lockVersion"))
                    .then()
                    .statusCode(409);

            unclassified.publish().then().statusCode(201);
            JsonPath product = given().get("/api/products/" + unclassified.key())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(product.getInt("version.governance.ruleSetVersion")).isEqualTo(ruleSetBefore + 1);
            assertThat(product.getList("version.governance.warnings.rule", String.class))
                    .containsExactly("columns-classified");
            assertThat(product.getList("version.governance.untaggedColumns", String.class))
                    .containsExactly("vlan_id");

            List<String> audited = given().queryParam("action", "rule.changed")
                    .get("/api/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.subjectKey", String.class);
            assertThat(audited).contains("columns-classified");
        } finally {
            change(
                            "columns-classified",
                            "blocking",
                            Map.of(),
                            rule("columns-classified").getInt("lockVersion"))
                    .then()
                    .statusCode(200);
        }
        assertThat(rule("columns-classified").getString("severity")).isEqualTo("blocking");
    }

    private static int latestRuleSet() {
        return given().get("/api/governance/rule-sets")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].version");
    }
}
