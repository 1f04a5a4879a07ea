package io.signalbox.readiness.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The council's watch settings (docs/mesh-watch.md), under {@code signalbox.watch}. */
@ConfigMapping(prefix = "signalbox.watch")
public interface WatchConfig {

    /**
     * How recently a person must have been seen signing in as an owner of a domain to count as one of its current
     * owners (beside the grants); a product whose named owner is neither is orphaned. ISO-8601 or Quarkus's short form
     * ({@code 180d}).
     */
    @WithDefault("180d")
    Duration ownerSeenWithin();

    /**
     * How often undeclared reads are looked for and reported ({@code 1h}; {@code off} disables the timer, and tests
     * call {@link UndeclaredReadReports#runOnce()}); read by the scheduler, listed here so the prefix is complete.
     */
    @WithDefault("1h")
    String reportInterval();

    /** How long after start the first look happens ({@code 2m}). */
    @WithDefault("2m")
    String reportDelay();
}
