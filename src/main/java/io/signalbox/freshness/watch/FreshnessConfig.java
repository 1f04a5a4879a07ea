package io.signalbox.freshness.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The freshness watch's settings (docs/freshness.md), under {@code signalbox.freshness}. */
@ConfigMapping(prefix = "signalbox.freshness")
public interface FreshnessConfig {

    /**
     * How often the watch runs ({@code 1m}; {@code off} disables the timer, and tests call
     * {@link FreshnessWatch#runOnce()}); read by the scheduler, listed here so the prefix is complete.
     */
    @WithDefault("1m")
    String checkInterval();

    /** How long after start the first check happens ({@code 30s}). */
    @WithDefault("30s")
    String checkDelay();

    /**
     * The at-risk margin, 1 to 99 percent of the product's declared freshness window: a product is at risk from
     * {@code deadline - window × margin / 100}. 20 % of a daily promise is the last 4 h 48 min before the deadline; a
     * share of the window suits hourly and weekly promises alike, where a fixed duration would not.
     */
    @WithDefault("20")
    int atRiskMargin();

    /**
     * How often the watch looks at every product ({@code 1h}), to start watching new products, follow changed promises
     * and stop watching withdrawn ones; the runs in between look only at what is due or newly measured.
     */
    @WithDefault("1h")
    java.time.Duration fullWalkInterval();

    /** How many products (1 to 5000) one transaction of the watch takes at most (memory and lock time stay bounded). */
    @WithDefault("200")
    int batchSize();
}
