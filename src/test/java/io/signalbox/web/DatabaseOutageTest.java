package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import io.signalbox.launcher.EmbeddedDatabase;
import io.signalbox.search.SearchIndex;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database outage for real: the test's PostgreSQL is stopped and started again on its port and data. While it is
 * down, pages and the API answer 503 with Retry-After and readiness is DOWN; when it is back, everything works again
 * without a restart, and the search index's background comparison with the catalog resumes.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ShortTimeouts.class)
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DatabaseOutageTest {

    private static final String DATABASE_CHECK = "Database connections health check";

    /**
     * Short timeouts and a search comparison every second, so that the outage and the recovery take seconds; an
     * application of its own with its own throwaway database, so that stopping it troubles no other test. Sign-in is
     * {@link TestSecurity}'s: the identity provider plays no part in a database outage and is left out.
     */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.login-timeout", "1S",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "signalbox.search.reconcile-interval", "1s",
                    "quarkus.oidc.tenant-enabled", "false",
                    "quarkus.oidc.api.tenant-enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    SearchIndex index;

    @AfterEach
    void databaseRunsAgain() {
        PostgresTestResource.database().startAgain();
    }

    @Test
    void whileTheDatabaseIsDownCallersAreToldToRetryAndEverythingComesBackByItself() throws Exception {
        EmbeddedDatabase database = PostgresTestResource.database();
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).slug("outage");
        product.publish().then().statusCode(201);
        awaitIndexReady();
        given().get("/domains/" + domain).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);

        database.stop();

        // Under load (issue 15): 32 requests at once, pages and API, as a busy replica gets them while PostgreSQL
        // restarts. Every one is answered 503 within the pool's waits; none hangs (each is given 60 s at most, and the
        // pool's 16 connections never all stay taken).
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String path = i % 2 == 0 ? "/api/domains/" + domain : "/domains/" + domain;
                requests.add(() -> outage(given().get(path).then()).extract().statusCode());
            }
            for (Future<Integer> answer : clients.invokeAll(requests, 60, TimeUnit.SECONDS)) {
                assertThat(answer.isCancelled())
                        .as("a request still hanging after 60 s")
                        .isFalse();
                assertThat(answer.get()).isEqualTo(503);
            }
        } finally {
            clients.shutdownNow();
        }

        // Answered within the pool's waits (a second or two), not after a hang.
        outage(given().get("/domains/" + domain).then())
                .contentType(startsWith("text/html"))
                .body(containsString(DatabaseOutages.TITLE), containsString(DatabaseOutages.DETAIL));
        outage(given().get("/api/domains/" + domain).then())
                .contentType(startsWith(ErrorMappers.PROBLEM_JSON))
                .body("status", equalTo(503))
                .body("type", equalTo("https://signalbox.dev/problems/database-unavailable"))
                .body("title", equalTo(DatabaseOutages.TITLE));
        outage(given().get("/products/" + product.key()).then());
        // The answer and the warning line carry the request id an ingress gave, so an operator can find one from the
        // other.
        String requestId = "outage-" + System.nanoTime();
        List<String> loggedIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.jboss.logmanager.Logger outages =
                org.jboss.logmanager.LogContext.getLogContext().getLogger(DatabaseOutages.class.getName());
        java.util.logging.Handler collector = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
                    loggedIds.add(String.valueOf(ext.getMdc(RequestIds.MDC_KEY)));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        outages.addHandler(collector);
        try {
            outage(given().header(RequestIds.HEADER, requestId)
                            .get("/api/domains/" + domain)
                            .then())
                    .header(RequestIds.HEADER, requestId)
                    .body("requestId", equalTo(requestId));
        } finally {
            outages.removeHandler(collector);
        }
        assertThat(loggedIds).contains(requestId);
        outage(Descriptors.product(domain)
                        .slug("outage")
                        .version("1.1.0")
                        .publish()
                        .then())
                .contentType(startsWith(ErrorMappers.PROBLEM_JSON));
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("DOWN"));
        // Liveness stays UP: restarting the application would not bring the database back.
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // The index still serves what it holds, and opening it again keeps it (not "unavailable" until a restart).
        // Watched for longer than a comparison interval, so that the failed comparisons have happened.
        index.close();
        index.open();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SearchIndex.Status status = index.status();
            assertThat(status.state()).as("index state, now %s", status).isEqualTo(SearchIndex.State.CATCHING_UP);
            assertThat(status.documents())
                    .as("documents served, now %s", status)
                    .isPositive();
        });

        database.startAgain();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP")));
        given().get("/domains/" + domain).then().statusCode(200);
        given().get("/api/domains/" + domain)
                .then()
                .statusCode(200)
                .body("recentlyPublished.key", hasItem(product.key()));
        product.publish().then().statusCode(200); // the same version again: nothing to write, answered from storage
        awaitIndexReady();

        // The background comparison runs again: a title changed behind the index's back (with the product's lock
        // version, as a publication would) is found without any request asking for it.
        String word = "Recovered" + System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement title = connection.prepareStatement("update product_version set title = ?"
                        + " where id = (select current_version_id from data_product where key = ?)");
                PreparedStatement lock = connection.prepareStatement(
                        "update data_product set lock_version = lock_version + 1 where key = ?")) {
            title.setString(1, word + " Inventory");
            title.setString(2, product.key());
            assertThat(title.executeUpdate()).isEqualTo(1);
            lock.setString(1, product.key());
            assertThat(lock.executeUpdate()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("q", word)
                        .get("/api/search")
                        .then()
                        .statusCode(200)
                        .body("hits.key", hasItem(product.key())));
    }

    private static ValidatableResponse outage(ValidatableResponse response) {
        return response.statusCode(503)
                .header("Retry-After", String.valueOf(DatabaseOutages.RETRY_AFTER_SECONDS))
                .time(lessThan(8_000L)); // a few pool waits at most, never a hang
    }

    private void awaitIndexReady() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(index.status().state())
                        .as("index state, now %s", index.status())
                        .isEqualTo(SearchIndex.State.READY));
    }
}
