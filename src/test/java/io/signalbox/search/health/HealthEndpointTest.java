package io.signalbox.search.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.isOneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.search.SearchIndex;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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
    private void awaitServing() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (index.status().state() != SearchIndex.State.READY
                && index.status().state() != SearchIndex.State.CATCHING_UP) {
            assertThat(Instant.now())
                    .as("index serving in time, now %s", index.status())
                    .isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void readinessReportsTheDatabaseAndTheSearchIndex() throws InterruptedException {
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
    void theWholeHealthAnswerIsUp() throws InterruptedException {
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
