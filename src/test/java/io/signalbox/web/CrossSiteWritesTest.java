package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Writes made with the session cookie must come from Signalbox's own pages. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class CrossSiteWritesTest {

    @TestHTTPResource("/")
    URL portal;

    private static byte[] descriptor(Descriptors product) {
        return product.yaml().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWriteFromAnotherSiteIsRefusedAndNothingIsStored() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());

        given().header("Origin", "https://evil.example")
                .contentType("application/yaml")
                .body(descriptor(product))
                .post("/api/products")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://signalbox.dev/problems/cross-site-request"));
        given().header("Sec-Fetch-Site", "cross-site")
                .contentType("application/yaml")
                .body(descriptor(product))
                .post("/api/products")
                .then()
                .statusCode(403);
        given().header("Origin", "null")
                .contentType("application/yaml")
                .body(descriptor(product))
                .post("/api/products")
                .then()
                .statusCode(403);
        given().get("/api/products/" + product.key()).then().statusCode(404);
    }

    @Test
    void aWriteFromSignalboxItselfOrWithoutBrowserHeadersIsAccepted() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String ownOrigin = portal.getProtocol() + "://" + portal.getHost() + ":" + portal.getPort();

        given().header("Origin", ownOrigin)
                .header("Sec-Fetch-Site", "same-origin")
                .contentType("application/yaml")
                .body(descriptor(product))
                .post("/api/products")
                .then()
                .statusCode(201);
        given().contentType("application/yaml")
                .body(descriptor(product.version("1.1.0")))
                .post("/api/products")
                .then()
                .statusCode(201);
    }

    @Test
    void readsAreNeverRefused() {
        given().header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .get("/api/domains")
                .then()
                .statusCode(200);
    }
}
