package io.signalbox.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Small helpers for talking to the catalog's JSON API in tests. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {}

    /** Posts a publication body as raw bytes with the given content type. */
    public static Response publish(String contentType, byte[] body) {
        return given().contentType(contentType).body(body).post("/api/products");
    }

    /** Checks the answer is a problem document with the given status. */
    public static ValidatableResponse problem(Response response, int status) {
        return response.then()
                .statusCode(status)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("status", org.hamcrest.Matchers.equalTo(status));
    }

    /** Nothing was written for the product: its key is unknown and its (test-owned) domain has no products. */
    public static void assertNothingStored(String domain, String productKey) {
        given().get("/api/products/" + productKey)
                .then()
                .statusCode(404)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        given().queryParam("domain", domain)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().get("/api/domains/" + domain).then().statusCode(200).body("productCount", equalTo(0));
    }
}
