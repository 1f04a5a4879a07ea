package io.signalbox.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read the Prometheus metrics at {@code /q/metrics}, and the shape of their latency histograms.
 *
 * <p>Metrics name routes, counts and queue lengths: not for everyone who can reach the portal, yet Prometheus cannot
 * sign in through OIDC. So the scraper presents a shared token ({@code Authorization: Bearer <token>},
 * {@code signalbox.metrics.token}, from a Secret; the chart's ServiceMonitor sends it), compared in constant time. A
 * wrong or missing token is a 401; without a configured token the metrics are not served at all (404).
 *
 * <p>Latency timers ({@code http.server.requests} by route template, {@code signalbox.*}) are histograms with fixed
 * buckets from 5 ms to 10 s, so that quantiles can be computed across replicas without unbounded series.
 */
@ApplicationScoped
public class MetricsAccess {

    private static final String PATH = "/q/metrics";
    private static final double[] BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2, 5, 10};

    @ConfigProperty(name = "signalbox.metrics.token")
    Optional<String> token;

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    String path = context.normalizedPath();
                    if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
                        context.next();
                        return;
                    }
                    if (token.isEmpty() || token.get().isBlank()) {
                        context.response().setStatusCode(404).end();
                        return;
                    }
                    String given = context.request().getHeader("Authorization");
                    byte[] expected = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
                    if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                        context.response()
                                .setStatusCode(401)
                                .putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
                                .end();
                        return;
                    }
                    // The token is for this filter only: the OIDC tenants would take it for an access token and
                    // refuse it.
                    context.request().headers().remove("Authorization");
                    context.next();
                },
                // After RequestIds (Integer.MAX_VALUE), before everything else.
                Integer.MAX_VALUE - 1);
    }

    /** Fixed histogram buckets for every latency timer. */
    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                double[] nanos = new double[BUCKETS_SECONDS.length];
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] = BUCKETS_SECONDS[i] * 1e9; // timers record nanoseconds
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
