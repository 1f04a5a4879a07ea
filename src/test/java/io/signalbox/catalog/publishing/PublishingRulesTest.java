package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules about identity and version lines that keep the history consumers rely on honest. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class PublishingRulesTest {

    @Test
    void aFixToAnOlderMajorLineIsRecordedWithoutBecomingCurrent() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        product.version("2.0.0")
                .changelog("Breaking: renamed columns.")
                .publish()
                .then()
                .statusCode(201);

        product.version("1.0.1")
                .changelog("Fix on the 1.x line.")
                .publish()
                .then()
                .statusCode(201);

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo("2.0.0"))
                .body("versions.version", contains("2.0.0", "1.0.1", "1.0.0"));
        product.version("1.0.0")
                .changelog("Rewriting history.")
                .publish()
                .then()
                .statusCode(409);
        product.version("0.9.0")
                .changelog("A line that never existed.")
                .publish()
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("product.version"))
                .body("errors[0].message", containsString("no 0.x version was ever published"));
    }

    /**
     * 1.0.1 after 2.0.0 is judged against 1.0.0, the newest version of its own line: a schema that 2.0.0 made legal
     * (a dropped column) is still a breaking change for 1.x consumers, and what 2.0.0 dropped is not "added" by 1.0.1.
     */
    @Test
    void aFixToAnOlderMajorLineIsComparedWithThatLineNotWithTheCurrentVersion() {
        Descriptors product = Descriptors.product(Descriptors.newDomain())
                .column("bandwidth_mbps", "integer", false, "internal", false, null, "Bandwidth in Mbit/s");
        product.publish().then().statusCode(201);
        Descriptors withoutBandwidth = product.withoutColumns()
                .column("service_id", "string", true, "internal", false, "Service.service_id", "Canonical service id")
                .column(
                        "service_name",
                        "string",
                        false,
                        "internal",
                        false,
                        "Service.service_name",
                        "Human readable name");
        withoutBandwidth
                .version("2.0.0")
                .changelog("Breaking: bandwidth moved to its own product.")
                .publish()
                .then()
                .statusCode(201);

        // The 1.x fix drops the column too: breaking for 1.0.0's consumers, though 2.0.0 has the same schema.
        withoutBandwidth.version("1.0.1").changelog("Fix on the 1.x line.");
        withoutBandwidth
                .validate()
                .then()
                .statusCode(422)
                .body("violations.rule", contains("breaking-change-needs-major"))
                .body("violations[0].field", containsString("bandwidth_mbps"));
        withoutBandwidth
                .publish()
                .then()
                .statusCode(422)
                .body("violations.rule", contains("breaking-change-needs-major"));
        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("versions.version", contains("2.0.0", "1.0.0"));

        // A compatible fix: keeps the column and adds one. Judged against 1.0.0, not the current 2.0.0.
        Descriptors compatibleFix = withoutBandwidth
                .withoutColumns()
                .column("service_id", "string", true, "internal", false, "Service.service_id", "Canonical service id")
                .column(
                        "service_name",
                        "string",
                        false,
                        "internal",
                        false,
                        "Service.service_name",
                        "Human readable name")
                .column("bandwidth_mbps", "integer", false, "internal", false, null, "Bandwidth in Mbit/s")
                .column("vlan_id", "integer", false, "internal", false, null, "Customer VLAN");
        compatibleFix
                .validate()
                .then()
                .statusCode(200)
                .body("passes", equalTo(true))
                .body("version", equalTo("1.0.1"))
                .body("comparedWith", equalTo("1.0.0"))
                .body("schemaChanges.kind", contains("column-added"))
                .body("schemaChanges[0].column", containsString("vlan_id"));
        compatibleFix.publish().then().statusCode(201).body("version", equalTo("1.0.1"));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo("2.0.0"))
                .body("version.version", equalTo("2.0.0"))
                .body("versions.version", contains("2.0.0", "1.0.1", "1.0.0"));
    }

    @Test
    void aProductIdCannotMoveToAnotherDomain() {
        String id = UUID.randomUUID().toString();
        Descriptors.product(Descriptors.newDomain())
                .externalId(id)
                .publish()
                .then()
                .statusCode(201);

        Descriptors elsewhere = Descriptors.product(Descriptors.newDomain()).externalId(id);
        elsewhere
                .publish()
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("product.id"))
                .body("errors[0].message", containsString("does not move between domains"));
        given().get("/api/products/" + elsewhere.key()).then().statusCode(404);
    }

    @Test
    void aJsonArraySentWithoutAJsonContentTypeIsStillRead() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());

        given().contentType("application/yaml")
                .body(product.json().getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(201)
                .body("key", equalTo(product.key()));
    }

    /**
     * Two versions of one output port, each with its own contract for the same table (ODPS's own examples do this):
     * both ports and both tables are kept; the second contract's table is kept as {@code main@2.0.0}.
     */
    @Test
    void twoVersionsOfOnePortEachWithItsContractForTheSameTableArePublishedAndShown() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String yaml = product.yaml();
        String contract = yaml.substring(yaml.indexOf("---\n"));
        String second = contract.replace("id: " + product.contractId(), "id: second-contract")
                .replace("name: \"service_name\"", "name: \"service_label\"");
        String both = yaml.replace(
                        "    contractId: " + product.contractId() + "\n",
                        "    contractId: " + product.contractId()
                                + "\n  - name: main\n    type: table\n    version: \"2.0.0\"\n"
                                + "    contractId: second-contract\n")
                + second;

        given().contentType("application/yaml")
                .body(both.getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(201)
                .body("descriptorWarnings", org.hamcrest.Matchers.empty());

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("version.outputPorts.name", contains("main", "main"))
                .body("version.outputPorts.version", contains("1.0.0", "2.0.0"))
                .body("version.outputPorts.contractId", contains(product.contractId(), "second-contract"))
                .body("version.schema.name", contains("main", "main@2.0.0"))
                .body("version.schema[1].columns.name", contains("service_id", "service_label"));
        String page = given().get("/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(page).contains("main@2.0.0", "second-contract");
    }

    /** semver.org §10: build metadata is kept and shown, but two builds of one version are one version. */
    @Test
    void aVersionWithBuildMetadataPublishesAndASecondBuildOfItIsNotANewVersion() {
        Descriptors product = Descriptors.product(Descriptors.newDomain()).version("1.0.0+build.7");
        product.publish()
                .then()
                .statusCode(201)
                .body("version", equalTo("1.0.0+build.7"))
                .body("api", equalTo("/api/products/" + product.key() + "/versions/1.0.0+build.7"));
        given().get("/api/products/" + product.key() + "/versions/1.0.0+build.7")
                .then()
                .statusCode(200)
                .body("version", equalTo("1.0.0+build.7"));
        product.publish().then().statusCode(200).body("created", equalTo(false));

        Api.problem(product.version("1.0.0+build.8").changelog("Rebuilt.").publish(), 422)
                .body("errors[0].field", equalTo("product.version"))
                .body("errors[0].message", containsString("1.0.0+build.8 is not newer than 1.0.0+build.7"));
        product.version("1.0.1+build.8").publish().then().statusCode(201);
        given().get("/api/products/" + product.key())
                .then()
                .body("currentVersion", equalTo("1.0.1+build.8"))
                .body("versions.version", contains("1.0.1+build.8", "1.0.0+build.7"));
    }
}
