package io.signalbox.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
