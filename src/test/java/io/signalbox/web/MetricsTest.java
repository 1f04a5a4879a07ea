package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Scrapes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics at {@code /q/metrics}, scraped as Prometheus does (with the token) and checked by name: request
 * latency histograms by route template, search latency, publications and refusals by rule, the index's state and lag,
 * the outbox's backlog.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class MetricsTest {

    @ConfigProperty(name = "signalbox.metrics.token")
    String token;

    private String scrape() {
        return Scrapes.scrape(token);
    }

    private static double value(String metrics, String series) {
        return Scrapes.value(metrics, series);
    }

    @Test
    void onlyTheScraperWithTheTokenReadsTheMetrics() {
        given().get("/q/metrics").then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"metrics\"");
        given().header("Authorization", "Bearer " + token + "x")
                .get("/q/metrics")
                .then()
                .statusCode(401);
        given().header("Authorization", "Basic " + token)
                .get("/q/metrics")
                .then()
                .statusCode(401);
    }

    @Test
    void whatAnOperatorWatchesIsScrapedByName() {
        String before = scrape();
        double accepted = before.contains("signalbox_publications_total{outcome=\"accepted\"")
                ? value(before, "signalbox_publications_total{outcome=\"accepted\"}")
                : 0;

        Descriptors product = Descriptors.product(Descriptors.newDomain())
                .column("bandwidth_mbps", "integer", false, "internal", false, null, "Bandwidth in Mbit/s");
        product.publish().then().statusCode(201);
        product.withoutColumns()
                .column("service_id", "string", true, "internal", false, "Service.service_id", "Canonical service id")
                .version("1.1.0")
                .changelog("Drops bandwidth without a new major.")
                .publish()
                .then()
                .statusCode(422);
        given().queryParam("q", "service inventory").get("/api/search").then().statusCode(200);
        given().get("/api/products/" + product.key()).then().statusCode(200);

        String metrics = scrape();
        assertThat(value(metrics, "signalbox_publications_total{outcome=\"accepted\"}"))
                .isEqualTo(accepted + 1);
        assertThat(value(metrics, "signalbox_publications_total{outcome=\"refused\"}"))
                .isPositive();
        assertThat(value(metrics, "signalbox_publication_refusals_total{rule=\"breaking-change-needs-major\"}"))
                .isPositive();
        assertThat(metrics).contains("signalbox_search_seconds_bucket{answer=\"searched\",le=\"0.005\"}");
        assertThat(value(metrics, "signalbox_search_index_documents")).isPositive();
        assertThat(value(metrics, "signalbox_search_index_behind")).isGreaterThanOrEqualTo(0);
        assertThat(metrics).containsPattern("(?m)^signalbox_search_index_ready [01]\\.0$");
        assertThat(value(metrics, "signalbox_notification_outbox_pending")).isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "signalbox_notification_outbox_oldest_pending_seconds"))
                .isGreaterThanOrEqualTo(0);

        // Routes by template, never by the key in the address: the series stay bounded however large the catalog.
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/products/\\{key\\}\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/search\"")
                .doesNotContain("uri=\"/api/products/" + product.key() + "\"");
    }
}
