package io.signalbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.governance.compliance.ComplianceService;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's pipelines (docs/freshness.md, "Demo"): a product is reported refreshed once a quarter of its promised window has
 * passed since its last refresh, never before, with the completeness its pipeline reports; products without a readable
 * promise, unknown products and the demo's stalled products are left alone.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DemoPipelinesTest {

    @Inject
    DemoPipelines pipelines;

    @Inject
    ComplianceService compliance;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Descriptors promising(String domain, String declared) {
        Descriptors product = Descriptors.product(domain).promisingFreshness(declared);
        product.publish().then().statusCode(201);
        return product;
    }

    private Instant lastRefreshOf(Descriptors product) {
        return compliance.standing(product.key()).lastMeasurement().lastRefreshedAt();
    }

    @Test
    void aProductIsReportedRefreshedAtAQuarterOfItsWindowAndNotBefore() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        String domain = Descriptors.newDomain();
        Descriptors hourly = promising(domain, "1 h");
        hourly.reportRefreshed(t0.minus(Duration.ofHours(2)));
        Descriptors daily = promising(domain, "daily");
        daily.reportRefreshed(t0.minus(Duration.ofHours(1)));
        Descriptors unreadable = promising(domain, "as soon as possible");
        List<DemoPipelines.Pipeline> all = List.of(
                new DemoPipelines.Pipeline(hourly.key(), Map.of()),
                new DemoPipelines.Pipeline(daily.key(), Map.of()),
                new DemoPipelines.Pipeline(unreadable.key(), Map.of()),
                new DemoPipelines.Pipeline(domain + ".no-such-product", Map.of()));

        assertThat(pipelines.refreshDue(all))
                .as("the hourly product, refreshed 2 h ago")
                .isEqualTo(1);
        assertThat(lastRefreshOf(hourly)).isEqualTo(t0);
        assertThat(lastRefreshOf(daily)).isEqualTo(t0.minus(Duration.ofHours(1)));
        assertThat(compliance.standing(unreadable.key()).lastMeasurement())
                .as("no readable promise: no pipeline report")
                .isNull();

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(pipelines.refreshDue(all))
                .as("a second before a quarter of the hour")
                .isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(pipelines.refreshDue(all)).isEqualTo(1);
        assertThat(lastRefreshOf(hourly)).isEqualTo(t0.plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofHours(4).plusMinutes(45));
        assertThat(pipelines.refreshDue(all))
                .as("the daily product, 6 h after its refresh, and the hourly one again")
                .isEqualTo(2);
        assertThat(lastRefreshOf(daily)).isEqualTo(t0.plus(Duration.ofHours(5)));
    }

    @Test
    void theDemoPipelinesAreEveryMeasuredDemoProductButTheStalledOnes() {
        List<String> keys = DemoPipelines.pipelines().stream()
                .map(DemoPipelines.Pipeline::productKey)
                .toList();
        assertThat(keys)
                .contains("network.element-inventory", "billing.rated-usage", "care.trouble-tickets")
                .doesNotContain(
                        "network.cell-site-registry",
                        "product.price-plans",
                        "product.catalogue-services",
                        "care.nps-survey-responses",
                        "care.churn-propensity-scores");
        assertThat(DemoPipelines.pipelines().stream()
                        .filter(p -> p.productKey().equals("network.service-inventory"))
                        .findFirst()
                        .orElseThrow()
                        .completeness())
                .as("the completeness the file gives")
                .containsEntry("Service.service_id", 100);
    }
}
