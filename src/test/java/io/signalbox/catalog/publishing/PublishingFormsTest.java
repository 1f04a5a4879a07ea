package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.signalbox.testing.Descriptors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ways a domain pipeline sends a descriptor: one YAML as curl sends it, or the product and contracts as files. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class PublishingFormsTest {

    @Test
    void curlDataBinaryWithoutAContentTypePublishesTheYaml() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());

        // curl --data-binary labels the body application/x-www-form-urlencoded unless told otherwise.
        given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)))
                .contentType("application/x-www-form-urlencoded")
                .body(product.yaml())
                .post("/api/products")
                .then()
                .statusCode(201)
                .body("key", equalTo(product.key()));
    }

    @Test
    void theProductAndItsContractMaySeparateFilesOfOneUpload() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String[] documents = product.yaml().split("(?m)^---$");

        given().multiPart("product", "product.yaml", documents[0].getBytes(StandardCharsets.UTF_8), "application/yaml")
                .multiPart(
                        "contract", "contract.yaml", documents[1].getBytes(StandardCharsets.UTF_8), "application/yaml")
                .post("/api/products")
                .then()
                .statusCode(201)
                .body("key", equalTo(product.key()));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("version.schema[0].columns", hasSize(2));
    }

    @Test
    void theProductAndItsContractAsFilesAreCheckedWithoutBeingPublished() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String[] documents = product.yaml().split("(?m)^---$");

        given().multiPart("product", "product.yaml", documents[0].getBytes(StandardCharsets.UTF_8), "application/yaml")
                .multiPart(
                        "contract", "contract.yaml", documents[1].getBytes(StandardCharsets.UTF_8), "application/yaml")
                .post("/api/products/validate")
                .then()
                .statusCode(200)
                .body("passes", equalTo(true))
                .body("product", equalTo(product.key()))
                .body("version", equalTo("1.0.0"))
                .body("comparedWith", nullValue())
                .body("ruleSetVersion", greaterThan(0))
                .body("violations", empty());
        given().get("/api/products/" + product.key()).then().statusCode(404);

        // The same files without consumers: refused with the rule, still nothing written.
        String withoutConsumers = product.withoutConsumers().yaml().split("(?m)^---$")[0];
        given().multiPart(
                        "product",
                        "product.yaml",
                        withoutConsumers.getBytes(StandardCharsets.UTF_8),
                        "application/yaml")
                .multiPart(
                        "contract", "contract.yaml", documents[1].getBytes(StandardCharsets.UTF_8), "application/yaml")
                .post("/api/products/validate")
                .then()
                .statusCode(422)
                .body("violations.rule", contains("documentation-complete"));
        // No file at all.
        given().multiPart("note", "not a file")
                .post("/api/products/validate")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().get("/api/products/" + product.key()).then().statusCode(404);
    }

    @Test
    void theDescriptorIsKeptExactlyAsPublished() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String yaml = "# kept verbatim, comments included\n" + product.yaml();
        given().contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(201);

        String stored = given().get("/api/products/" + product.key() + "/versions/1.0.0/descriptor")
                .then()
                .statusCode(200)
                .contentType("application/yaml")
                .extract()
                .asString();

        org.assertj.core.api.Assertions.assertThat(stored).isEqualTo(yaml);
        given().get("/api/products/" + product.key() + "/versions/9.9.9/descriptor")
                .then()
                .statusCode(404);
    }

    @Test
    void aSeparateContractFileWithAnErrorIsNamedInTheRefusal() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String[] documents = product.yaml().split("(?m)^---$");
        String brokenContract = documents[1].replace("classification: internal", "classification: secretish");

        given().multiPart("product", "product.yaml", documents[0].getBytes(StandardCharsets.UTF_8), "application/yaml")
                .multiPart(
                        "contract",
                        "contract.yaml",
                        brokenContract.getBytes(StandardCharsets.UTF_8),
                        "application/yaml")
                .post("/api/products")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("contracts[0].schema[0].properties[0].classification"));
        given().get("/api/products/" + product.key()).then().statusCode(404);
    }
}
