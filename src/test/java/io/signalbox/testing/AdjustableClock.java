package io.signalbox.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The portal's clock in tests: real time, moved forward on request, so that rules about hours and days (freshness,
 * notice periods) are tested without waiting. Tests that move it put it back when they are done.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AdjustableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;
    private volatile Instant frozen;

    public void advance(Duration by) {
        if (frozen != null) {
            frozen = frozen.plus(by);
        }
        ahead = ahead.plus(by);
    }

    /** Stops the clock at {@code at} (for boundaries to the second); {@link #advance} moves it, {@link #reset} frees it. */
    public void freeze(Instant at) {
        frozen = at;
    }

    public void reset() {
        frozen = null;
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen;
        return stopped != null ? stopped : Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }
}
