package io.signalbox.search.health;

import io.signalbox.search.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness that tells the truth about search: a replica whose index is still being built (or could not be opened)
 * would answer searches with nothing, and one that has not read the catalog change feed to its end for longer than
 * {@code signalbox.search.max-feed-lag} (30 s) would answer with another replica's recent publications missing; neither
 * is ready for traffic. Catching up with recent changes is ready: the index serves, a few seconds behind at most. The
 * database's own readiness is Quarkus's datasource check, reported beside this one at {@code /q/health/ready}.
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    static final String NAME = "search-index";

    @Inject
    SearchIndex index;

    @ConfigProperty(name = "signalbox.search.max-feed-lag", defaultValue = "30s")
    Duration maxFeedLag;

    @Override
    public HealthCheckResponse call() {
        return judge(index.status(), maxFeedLag);
    }

    /**
     * UP while the index serves (ready or catching up) and has read the change feed to its end within {@code
     * maxFeedLag}; DOWN, with the reason, while building, unavailable or behind the feed.
     */
    static HealthCheckResponse judge(SearchIndex.Status status, Duration maxFeedLag) {
        boolean serves = status.state() == SearchIndex.State.READY || status.state() == SearchIndex.State.CATCHING_UP;
        boolean behind = status.feedLagMillis() > maxFeedLag.toMillis();
        var response = HealthCheckResponse.named(NAME)
                .status(serves && !behind)
                .withData("state", status.state().label())
                .withData("documents", status.documents())
                .withData("feedPosition", status.feedPosition())
                .withData("feedLagMillis", status.feedLagMillis());
        if (status.state() == SearchIndex.State.BUILDING) {
            response.withData("progress", status.progressDone() + " of " + status.progressTotal() + " products");
        }
        if (status.message() != null) {
            response.withData("message", status.message());
        }
        if (serves && behind) {
            response.withData(
                    "reason",
                    "the catalog change feed was last read to its end " + status.feedLagMillis() / 1000
                            + " s ago (more than " + maxFeedLag.toSeconds() + " s)");
        }
        return response.build();
    }
}
