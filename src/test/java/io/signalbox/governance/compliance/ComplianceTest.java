package io.signalbox.governance.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.catalog.publishing.PublicationService;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Products report measurements; each is judged again and its standing shows on its page and in search. */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class ComplianceTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    ComplianceService compliance;

    private static Descriptors published() {
        Descriptors product =
                Descriptors.product(Descriptors.newDomain()).title("Compliance probe " + System.nanoTime());
        product.publish().then().statusCode(201);
        return product;
    }

    private static Response measure(Descriptors product, Map<String, ?> body) {
        return given().contentType("application/json")
                .body(body)
                .post("/api/products/" + product.key() + "/measurements");
    }

    private static JsonPath standing(Descriptors product) {
        return given().get("/api/products/" + product.key() + "/compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> findings(JsonPath standing) {
        return standing.getList("findings", Map.class).stream()
                .map(f -> f.get("rule") + " @ " + f.get("field"))
                .toList();
    }

    @Test
    void aProductWithoutMeasurementsIsAWarningUntilItsPipelineReports() {
        Descriptors product = published();
        JsonPath before = standing(product);
        assertThat(before.getString("status")).isEqualTo("warning");
        assertThat(before.getString("trigger")).isEqualTo("publication");
        assertThat(findings(before))
                .containsExactlyInAnyOrder(
                        "canonical-completeness @ completeness.Service.service_id", "data-fresh @ lastRefreshedAt");

        measure(
                        product,
                        Map.of(
                                "lastRefreshedAt",
                                        Instant.now().minus(Duration.ofHours(1)).toString(),
                                "completeness", Map.of("Service.service_id", 99.95, "Service.service_name", 80)))
                .then()
                .statusCode(201)
                .body("status", equalTo("passing"))
                .body("lastMeasurement.completeness.'Service.service_id'", equalTo(99.95f));

        // The badge reaches search as soon as the measurement is answered.
        JsonPath search = given().queryParam("q", product.key())
                .get("/api/search")
                .then()
                .extract()
                .jsonPath();
        assertThat(search.getString("hits[0].key")).isEqualTo(product.key());
        assertThat(search.getString("hits[0].compliance")).isEqualTo("passing");
        assertThat(given().get("/products/" + product.key()).asString()).contains("rules: passing");
    }

    @Test
    void completenessBelowTheThresholdIsAWarningOrAFailureAsTheCouncilDecides() {
        Descriptors product = published();
        measure(
                        product,
                        Map.of(
                                "lastRefreshedAt", Instant.now().toString(),
                                "completeness", Map.of("Service.service_id", 97.5)))
                .then()
                .statusCode(201)
                .body("status", equalTo("warning"));
        JsonPath warned = standing(product);
        assertThat(warned.getString("findings[0].problem")).contains("97.5 %", "below the agreed 99 %");

        int lock = given().get("/api/governance/rules/canonical-completeness")
                .then()
                .extract()
                .path("lockVersion");
        given().contentType("application/json")
                .body(Map.of("severity", "blocking", "parameters", Map.of("minimumPercent", 98), "lockVersion", lock))
                .put("/api/governance/rules/canonical-completeness")
                .then()
                .statusCode(200);
        try {
            measure(
                            product,
                            Map.of(
                                    "lastRefreshedAt", Instant.now().toString(),
                                    "completeness", Map.of("Service.service_id", 97.5)))
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("failing"));
            JsonPath search = given().queryParam("q", product.key())
                    .queryParam("compliance", "failing")
                    .get("/api/search")
                    .then()
                    .extract()
                    .jsonPath();
            assertThat(search.getList("hits.key", String.class)).containsExactly(product.key());
        } finally {
            int now = given().get("/api/governance/rules/canonical-completeness")
                    .then()
                    .extract()
                    .path("lockVersion");
            given().contentType("application/json")
                    .body(Map.of("severity", "warning", "parameters", Map.of("minimumPercent", 99), "lockVersion", now))
                    .put("/api/governance/rules/canonical-completeness")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void dataThatGoesStaleIsJudgedAgainWithoutAnyoneReporting() {
        Descriptors product = published();
        measure(
                        product,
                        Map.of(
                                "lastRefreshedAt",
                                        Instant.now()
                                                .minus(Duration.ofHours(47))
                                                .toString(),
                                "completeness", Map.of("Service.service_id", 100)))
                .then()
                .statusCode(201)
                .body("status", equalTo("passing"));
        try {
            clock.advance(Duration.ofHours(2));
            assertThat(compliance.judgeStaleProducts()).isPositive();
        } finally {
            clock.reset();
        }
        JsonPath stale = standing(product);
        assertThat(stale.getString("status")).isEqualTo("warning");
        assertThat(stale.getString("trigger")).isEqualTo("staleness");
        assertThat(stale.getString("findings[0].problem")).contains("49 hours ago");
    }

    @Test
    void twoReplicasSweepingAtOnceJudgeEachStaleProductOnce() throws Exception {
        List<Descriptors> products = List.of(published(), published(), published());
        for (Descriptors product : products) {
            measure(
                            product,
                            Map.of(
                                    "lastRefreshedAt",
                                    Instant.now().minus(Duration.ofHours(47)).toString(),
                                    "completeness",
                                    Map.of("Service.service_id", 100)))
                    .then()
                    .statusCode(201);
        }
        List<String> keys = products.stream().map(Descriptors::key).toList();
        try {
            clock.advance(Duration.ofHours(2));
            // Two sweepers released together, as two replicas' timers would fire; each keeps sweeping until it
            // finds nothing, as ComplianceSweeper does.
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Integer> sweeper = () -> {
                start.await();
                int judged = 0;
                for (int batch; (batch = compliance.judgeStaleProducts()) > 0; ) {
                    judged += batch;
                }
                return judged;
            };
            List<Future<Integer>> runs = replicas.invokeAll(List.of(sweeper, sweeper));
            replicas.shutdown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            clock.reset();
        }
        Number evaluations = QuarkusTransaction.requiringNew()
                .call(() -> (Number) em.createNativeQuery("select count(*) from compliance_evaluation e"
                                + " join data_product p on p.id = e.product_id"
                                + " where p.key in (:keys) and e.trigger = 'staleness'")
                        .setParameter("keys", keys)
                        .getSingleResult());
        assertThat(evaluations.intValue()).isEqualTo(products.size());
        for (Descriptors product : products) {
            assertThat(standing(product).getString("trigger")).isEqualTo("staleness");
        }
    }

    @Test
    void badMeasurementsAreRefusedNamingTheField() {
        Descriptors product = published();
        measure(product, Map.of("completeness", Map.of("Service.service_id", 99)))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("lastRefreshedAt"));
        measure(
                        product,
                        Map.of(
                                "lastRefreshedAt",
                                Instant.now().plus(Duration.ofHours(3)).toString()))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("lastRefreshedAt"));
        measure(
                        product,
                        Map.of(
                                "lastRefreshedAt", Instant.now().toString(),
                                "completeness", Map.of("Customer.customer_id", 99)))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("completeness.Customer.customer_id"));
        measure(
                        product,
                        Map.of(
                                "lastRefreshedAt", Instant.now().toString(),
                                "completeness", Map.of("Service.service_id", 120)))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("completeness.Service.service_id"));
        given().contentType("application/json")
                .body("{\"lastRefreshedAt\": \"yesterday\"}")
                .post("/api/products/" + product.key() + "/measurements")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{\"lastRefreshedAt\": \"2026-01-01T00:00:00Z\"}")
                .post("/api/products/nobody.nothing/measurements")
                .then()
                .statusCode(404);
        assertThat(standing(product).getString("trigger")).isEqualTo("publication");
    }

    @Inject
    DomainService domains;

    @Inject
    PublicationService publications;

    @Test
    @TestSecurity(user = "rita.reader")
    void onlyOwnersOfTheDomainReportMeasurements() {
        // A reader may not register domains or publish: the product is published straight through the services.
        String domain = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        domains.register(
                domain,
                new DomainService.DomainDraft(
                        "Domain " + domain, "Test domain", "Owner <owner@example.com>", "tech@example.com", null),
                "test-setup");
        Descriptors product = Descriptors.product(domain);
        publications.publish(
                DescriptorReader.read(product.yaml().getBytes(StandardCharsets.UTF_8), DescriptorFormat.YAML),
                "test-setup");

        given().contentType("application/json")
                .body("{\"lastRefreshedAt\": \"2026-01-01T00:00:00Z\"}")
                .post("/api/products/" + product.key() + "/measurements")
                .then()
                .statusCode(403);
        JsonPath standing = standing(product);
        assertThat(standing.getString("trigger")).isEqualTo("publication");
        assertThat((Object) standing.get("lastMeasurement")).isNull();
    }
}
