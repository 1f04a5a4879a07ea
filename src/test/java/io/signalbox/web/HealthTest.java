package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The health endpoints a load balancer or Kubernetes probes, without signing in. */
@QuarkusTest
class HealthTest {

    @Test
    void healthAnswersUpWithItsChecksWithoutSigningIn() {
        given().redirects()
                .follow(false)
                .get("/q/health")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"))
                .body("checks", not(empty()))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.name", hasItem(containsString("Database")));
        given().redirects()
                .follow(false)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().redirects()
                .follow(false)
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
