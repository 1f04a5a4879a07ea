package io.signalbox.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theWaitDoublesAfterEachFailedAttempt() {
        assertThat(backoff.after(1, 0.999999)).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
        assertThat(backoff.after(2, 0.999999)).isBetween(Duration.ofMillis(59_999), Duration.ofSeconds(60));
        assertThat(backoff.after(3, 0.999999)).isBetween(Duration.ofMillis(119_999), Duration.ofSeconds(120));
    }

    @Test
    void jitterTakesARandomPartOfTheSecondHalf() {
        assertThat(backoff.after(3, 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3, 0.5)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theWaitNeverExceedsTheMaximumHoweverManyAttempts() {
        assertThat(backoff.after(8, 0.999999)).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1_000, 0.999999)).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1_000, 0.0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
