package io.signalbox.governance.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The publication gate: every seeded rule refuses (or warns about) what it should and lets through what it should,
 * with reasons a domain owner can act on, and a refused publication writes nothing.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class GovernanceGateTest {

    private static Descriptors product() {
        return Descriptors.product(Descriptors.newDomain());
    }

    /** A column YAML block with the given lines under "- name: …" (indented as the builder's columns). */
    private static String column(String name, String... lines) {
        StringBuilder c = new StringBuilder("      - name: " + name + "\n");
        for (String line : lines) {
            c.append("        ").append(line).append('\n');
        }
        return c.toString();
    }

    private static List<Map<String, Object>> violations(Response refused) {
        refused.then().statusCode(422);
        return refused.jsonPath().getList("violations");
    }

    private static List<String> ruleIds(Response refused) {
        return violations(refused).stream().map(v -> (String) v.get("rule")).toList();
    }

    @Test
    void aWellDocumentedProductPassesEveryRule() {
        Descriptors product = product();
        JsonPath dryRun = product.validate().then().statusCode(200).extract().jsonPath();
        assertThat(dryRun.getBoolean("passes")).isTrue();
        assertThat(dryRun.getList("violations")).isEmpty();
        assertThat(dryRun.getList("warnings")).isEmpty();
        assertThat(dryRun.getInt("ruleSetVersion")).isPositive();

        product.publish().then().statusCode(201);
    }

    @Test
    void aRefusalNamesEachRuleWithItsStatementFieldAndFixAndWritesNothing() {
        Descriptors product = product()
                .withoutConsumers()
                .columnYaml(column(
                        "msisdn",
                        "logicalType: string",
                        "classification: internal",
                        "customProperties:",
                        "  - property: pii",
                        "    value: true"));

        Response refused = product.publish();
        refused.then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://signalbox.dev/problems/governance-rules"))
                .body("status", equalTo(422));
        List<Map<String, Object>> violations = violations(refused);
        assertThat(violations)
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactlyInAnyOrder(
                        "personal-data-protected @ schema.main.msisdn.classification",
                        "personal-data-protected @ schema.main.msisdn.customProperties.accessNote",
                        "documentation-complete @ customProperties.consumers");
        for (Map<String, Object> violation : violations) {
            assertThat(violation.get("statement")).asString().isNotBlank();
            assertThat(violation.get("problem")).asString().isNotBlank();
            assertThat(violation.get("fix")).asString().isNotBlank();
            assertThat(violation.get("severity")).isEqualTo("blocking");
            assertThat(violation.get("category")).isIn("security", "discoverability");
        }
        assertThat(refused.jsonPath().getList("errors.field", String.class))
                .as("the generic field errors say the same for clients that only read those")
                .contains("customProperties.consumers");
        assertThat(refused.jsonPath().getInt("ruleSetVersion")).isPositive();

        given().get("/api/products/" + product.key()).then().statusCode(404);
        assertThat(ruleIds(product.validate()))
                .as("the dry run gives the same verdict")
                .hasSize(3);
    }

    @Test
    void canonicalIdentifiersKeepTheCouncilsFormat() {
        Descriptors integerId = product()
                .withoutColumns()
                .columnYaml(column(
                        "service_id",
                        "logicalType: integer",
                        "classification: internal",
                        "customProperties:",
                        "  - property: canonical",
                        "    value: Service.service_id"));
        assertThat(violations(integerId.validate()))
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .contains("canonical-identifier-format @ schema.main.service_id.logicalType");

        Descriptors tooShort = product()
                .withoutColumns()
                .columnYaml(column(
                        "service_id",
                        "logicalType: string",
                        "physicalType: varchar(8)",
                        "classification: internal",
                        "customProperties:",
                        "  - property: canonical",
                        "    value: Service.service_id"));
        List<Map<String, Object>> found = violations(tooShort.validate());
        assertThat(found)
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("canonical-identifier-format @ schema.main.service_id.physicalType");
        assertThat(found.get(0).get("problem")).asString().contains("SVC-0000012345");

        Descriptors wideEnough = product()
                .withoutColumns()
                .columnYaml(column(
                        "service_id",
                        "logicalType: string",
                        "physicalType: varchar(14)",
                        "classification: internal",
                        "customProperties:",
                        "  - property: canonical",
                        "    value: Service.service_id"));
        wideEnough.validate().then().statusCode(200);
    }

    @Test
    void domainsExtendCanonicalEntitiesButNeverRedefineThem() {
        Descriptors unknownAttribute = product()
                .columnYaml(column(
                        "bandwidth_mbps",
                        "logicalType: integer",
                        "classification: internal",
                        "customProperties:",
                        "  - property: canonical",
                        "    value: Service.bandwidth_mbps"));
        assertThat(violations(unknownAttribute.validate()))
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("additive-extensions @ schema.main.bandwidth_mbps.customProperties.canonical");

        Descriptors unknownEntity = product()
                .columnYaml(column(
                        "widget_id",
                        "logicalType: string",
                        "classification: internal",
                        "customProperties:",
                        "  - property: canonical",
                        "    value: Widget.widget_id"));
        assertThat(ruleIds(unknownEntity.validate())).containsExactly("additive-extensions");

        Descriptors redefinedType = product()
                .withoutColumns()
                .column("service_id", "string", true, "internal", false, "Service.service_id", "Id")
                .column("service_type", "integer", false, "internal", false, "Service.service_type", "Type code");
        List<Map<String, Object>> found = violations(redefinedType.validate());
        assertThat(found)
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("additive-extensions @ schema.main.service_type.logicalType");
        assertThat(found.get(0).get("fix")).asString().contains("logicalType: string");

        Descriptors ownStates = product()
                .contractLine("customProperties:")
                .contractLine("  - property: lifecycleMapping")
                .contractLine("    value:")
                .contractLine("      - internal: in-service")
                .contractLine("        canonical: active")
                .contractLine("      - internal: ceased")
                .contractLine("        canonical: gone");
        List<Map<String, Object>> states = violations(ownStates.validate());
        assertThat(states)
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("additive-extensions @ customProperties.lifecycleMapping[1].canonical");
        assertThat(states.get(0).get("fix")).asString().contains("planned, active, suspended, terminated");

        Descriptors extension =
                product().columnYaml(column("bandwidth_mbps", "logicalType: integer", "classification: internal"));
        extension.validate().then().statusCode(200);
    }

    @Test
    void aColumnNamedLikeACanonicalAttributeMustBeIt() {
        Descriptors unmappedJoinKey =
                product().column("customer_id", "string", false, "confidential", false, null, "Who the service is for");
        List<Map<String, Object>> found = violations(unmappedJoinKey.validate());
        assertThat(found)
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("canonical-names-keep-meaning @ schema.main.customer_id");
        assertThat(found.get(0).get("fix")).asString().contains("Customer.customer_id");

        Descriptors wrongMapping = product()
                .column("customer_id", "string", false, "confidential", false, "Service.service_name", "Customer");
        assertThat(ruleIds(wrongMapping.validate())).contains("canonical-names-keep-meaning");

        Descriptors mapped = product()
                .column("customer_id", "string", false, "confidential", false, "Customer.customer_id", "Customer");
        mapped.validate().then().statusCode(200);

        // Outside products about an entity, its non-identifier names are free: a "segment" of a network product.
        Descriptors otherMeaning = product()
                .withoutColumns()
                .column("element_id", "string", true, "internal", false, null, "Network element")
                .column("segment", "string", false, "internal", false, null, "Network segment");
        otherMeaning.validate().then().statusCode(200);
    }

    @Test
    void everyColumnIsClassified() {
        Descriptors unclassified = product().column("vlan_id", "integer", false, null, false, null, "Customer VLAN");
        assertThat(violations(unclassified.validate()))
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("columns-classified @ schema.main.vlan_id.classification");
    }

    @Test
    void personalDataIsProtectedAndSaysHowToGetAccess() {
        Descriptors internalPii = product().column("msisdn", "string", false, "internal", true, null, "Phone");
        assertThat(violations(internalPii.validate()))
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("personal-data-protected @ schema.main.msisdn.classification");

        Descriptors noNote = product()
                .columnYaml(column(
                        "msisdn",
                        "logicalType: string",
                        "classification: restricted",
                        "customProperties:",
                        "  - property: pii",
                        "    value: true"));
        assertThat(violations(noNote.validate()))
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("personal-data-protected @ schema.main.msisdn.customProperties.accessNote");

        Descriptors protectedPii = product().column("msisdn", "string", false, "confidential", true, null, "Phone");
        protectedPii.validate().then().statusCode(200);
    }

    @Test
    void theDocumentationAReaderNeedsIsPresent() {
        assertThat(violations(product().withoutConsumers().validate()))
                .extracting(v -> (String) v.get("field"))
                .containsExactly("customProperties.consumers");
        assertThat(violations(product().withoutChangelog().validate()))
                .extracting(v -> (String) v.get("field"))
                .containsExactly("customProperties.changelog");
        assertThat(violations(product().withoutColumns().validate()))
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .contains("documentation-complete @ contracts");
        assertThat(violations(product().classification(null).withoutColumns().validate()))
                .extracting(v -> (String) v.get("field"))
                .contains("customProperties.classification");
    }

    @Test
    void aMissingFreshnessSlaIsAWarningThatPublishesAndShows() {
        Descriptors product = product().withoutSla().slaProperty("availability", "99.5", "percent");
        JsonPath dryRun = product.validate().then().statusCode(200).extract().jsonPath();
        assertThat(dryRun.getList("warnings.rule", String.class)).containsExactly("freshness-declared");

        product.publish().then().statusCode(201);
        JsonPath view = given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getList("version.governance.warnings.rule", String.class))
                .containsExactly("freshness-declared");
        assertThat(view.getInt("version.governance.ruleSetVersion")).isPositive();
    }

    @Test
    void aBreakingChangeNeedsANewMajorVersion() {
        Descriptors product =
                product().column("bandwidth_mbps", "integer", true, "internal", false, null, "Bandwidth in Mbit/s");
        product.publish().then().statusCode(201);

        Descriptors removed = product.withoutColumns()
                .column("service_id", "string", true, "internal", false, "Service.service_id", "Canonical service id")
                .column("service_name", "string", false, "internal", false, "Service.service_name", "Name")
                .version("1.1.0");
        Response refused = removed.publish();
        List<Map<String, Object>> found = violations(refused);
        assertThat(found)
                .extracting(v -> v.get("rule") + " @ " + v.get("field"))
                .containsExactly("breaking-change-needs-major @ schema.main.bandwidth_mbps");
        assertThat(found.get(0).get("fix")).asString().contains("2.0.0");
        assertThat(refused.jsonPath().getList("schemaChanges.kind", String.class))
                .contains("column-removed", "description-changed");

        removed.version("2.0.0").publish().then().statusCode(201);
        assertThat(given().get("/api/products/" + product.key() + "/versions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.version", String.class))
                .as("the previous major stays available")
                .contains("1.0.0", "2.0.0");

        // A non-breaking addition within the major line publishes.
        removed.version("2.1.0")
                .column("vlan_id", "integer", false, "internal", false, null, "Customer VLAN")
                .publish()
                .then()
                .statusCode(201);
    }
}
