package io.signalbox.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.Descriptors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublishingTest {

    @Test
    void aValidDescriptorIsPublishedAndReadableAsJson() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);

        product.publish()
                .then()
                .statusCode(201)
                .body("key", equalTo(product.key()))
                .body("version", equalTo("1.0.0"))
                .body("created", equalTo(true));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("domain", equalTo(domain))
                .body("status", equalTo("published"))
                .body("version.owner.email", equalTo("ana.costa@example.com"))
                .body("version.schema[0].columns", hasSize(2))
                .body("version.schema[0].columns[0].canonicalAttribute", equalTo("Service.service_id"))
                .body("version.consumers[0].team", equalTo("Billing Operations"))
                .body("versions.version", hasItem("1.0.0"));
    }
}
