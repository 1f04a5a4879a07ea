package io.signalbox.search.health;

import io.signalbox.search.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness that tells the truth about search: a replica whose index is still being built (or could not be opened)
 * would answer searches with nothing, so it is not ready for traffic until its index serves. Catching up with recent
 * changes is ready: the index serves, a few seconds behind at most. The database's own readiness is Quarkus's
 * datasource check, reported beside this one at {@code /q/health/ready}.
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    static final String NAME = "search-index";

    @Inject
    SearchIndex index;

    @Override
    public HealthCheckResponse call() {
        return judge(index.status());
    }

    /** UP while the index serves (ready or catching up); DOWN, with the reason, while building or unavailable. */
    static HealthCheckResponse judge(SearchIndex.Status status) {
        boolean serves = status.state() == SearchIndex.State.READY || status.state() == SearchIndex.State.CATCHING_UP;
        var response = HealthCheckResponse.named(NAME)
                .status(serves)
                .withData("state", status.state().label())
                .withData("documents", status.documents());
        if (status.state() == SearchIndex.State.BUILDING) {
            response.withData("progress", status.progressDone() + " of " + status.progressTotal() + " products");
        }
        if (status.message() != null) {
            response.withData("message", status.message());
        }
        return response.build();
    }
}
