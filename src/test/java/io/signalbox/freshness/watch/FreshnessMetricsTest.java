package io.signalbox.freshness.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Scrapes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The freshness watch's metrics, scraped as Prometheus does and checked by name: the gauges of products breached and
 * at risk now, and the transitions counted by the state reached, which grows by the breach this test causes.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class FreshnessMetricsTest {

    @ConfigProperty(name = "signalbox.metrics.token")
    String token;

    @Inject
    FreshnessWatch watch;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String scrape() {
        return Scrapes.scrape(token);
    }

    private static double value(String metrics, String series) {
        return Scrapes.value(metrics, series);
    }

    @Test
    void breachesAndTransitionsAreScrapedByName() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        Descriptors product = Descriptors.product(Descriptors.newDomain()).promisingFreshness("1 h");
        product.publish().then().statusCode(201);
        product.reportRefreshed(t0);
        watch.runOnce();
        String before = scrape();
        double breachedBefore = value(before, "signalbox_freshness_transitions_total{to=\"breached\"}");

        clock.advance(Duration.ofHours(2));
        assertThat(watch.runOnce().of("breached")).isPositive();

        String after = scrape();
        assertThat(value(after, "signalbox_freshness_transitions_total{to=\"breached\"}"))
                .isGreaterThanOrEqualTo(breachedBefore + 1);
        assertThat(value(after, "signalbox_freshness_transitions_total{to=\"recovered\"}"))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(after, "signalbox_freshness_breaches")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "signalbox_freshness_at_risk")).isGreaterThanOrEqualTo(0);
    }
}
