package io.signalbox.notification.delivery;

import java.time.Duration;

/**
 * How long a failed delivery waits before its next attempt: exponential ({@code first}, doubled after each failed
 * attempt, never more than {@code max}) with "equal jitter" (a random half of it), so that rows that failed together
 * during an outage do not all come back to the recovered server in the same second.
 *
 * @param first the wait after the first failed attempt, before jitter
 * @param max the longest wait, before jitter
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /**
     * The wait after {@code attempts} failed attempts.
     *
     * @param attempts 1 after the first failure
     * @param random a number in [0, 1): 0 gives half the exponential wait, close to 1 the whole of it
     */
    public Duration after(int attempts, double random) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        long halfMillis = wait.toMillis() / 2;
        return Duration.ofMillis(halfMillis + (long) (random * (wait.toMillis() - halfMillis)));
    }
}
