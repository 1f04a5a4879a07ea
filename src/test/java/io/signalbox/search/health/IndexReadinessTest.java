package io.signalbox.search.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.search.SearchIndex.State;
import io.signalbox.search.SearchIndex.Status;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** A replica is ready for traffic only while its index serves searches. */
class IndexReadinessTest {

    private static HealthCheckResponse judged(State state) {
        return IndexReadiness.judge(new Status(state, 12, 3, 40, false, null), Duration.ofSeconds(30));
    }

    @Test
    void aServingIndexIsReady() {
        assertThat(judged(State.READY).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(judged(State.CATCHING_UP).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anIndexStillBeingBuiltIsNotReadyAndSaysHowFarItGot() {
        HealthCheckResponse building = judged(State.BUILDING);
        assertThat(building.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(building.getName()).isEqualTo("search-index");
        assertThat(building.getData().orElseThrow())
                .containsEntry("state", "building")
                .containsEntry("progress", "3 of 40 products");
    }

    @Test
    void aServingIndexBehindTheChangeFeedIsNotReadyAndSaysHowLong() {
        Status caughtUp = new Status(State.READY, 12, 0, 0, false, null, 40, 30_000);
        assertThat(IndexReadiness.judge(caughtUp, Duration.ofSeconds(30)).getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
        Status behind = new Status(State.READY, 12, 0, 0, false, null, 40, 30_001);
        HealthCheckResponse judged = IndexReadiness.judge(behind, Duration.ofSeconds(30));
        assertThat(judged.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(judged.getData().orElseThrow())
                .containsEntry("feedPosition", 40L)
                .containsEntry("reason", "the catalog change feed was last read to its end 30 s ago (more than 30 s)");
    }

    @Test
    void anUnavailableIndexIsNotReady() {
        HealthCheckResponse unavailable = judged(State.UNAVAILABLE);
        assertThat(unavailable.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) unavailable.getData().orElseThrow().get("message")).contains("unavailable");
    }
}
