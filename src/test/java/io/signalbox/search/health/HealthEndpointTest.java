package io.signalbox.search.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.isOneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.search.SearchIndex;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a load balancer or Kubernetes asks, without signing in: liveness, and readiness with the database and the
 * search index.
 */
@QuarkusTest
class HealthEndpointTest {

    @Inject
    SearchIndex index;

    /** The index is built in the background after start; readiness is only asked of a serving replica here. */
    private void awaitServing() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(index.status().state())
                        .as("index state, now %s", index.status())
                        .isIn(SearchIndex.State.READY, SearchIndex.State.CATCHING_UP));
    }

    @Test
    void readinessReportsTheDatabaseAndTheSearchIndex() {
        awaitServing();
        given().redirects()
                .follow(false)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("search-index", "Database connections health check"))
                .body("checks.find { it.name == 'search-index' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'search-index' }.data.state", isOneOf("ready", "catching-up"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void theWholeHealthAnswerIsUp() {
        awaitServing();
        given().redirects()
                .follow(false)
                .get("/q/health")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")));
        given().redirects()
                .follow(false)
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
