package io.signalbox.freshness.watch;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a product stands against its declared freshness, and the one rule that decides it: <b>on time</b> while now
 * is before {@code deadline - margin}, <b>at risk</b> from then until the deadline (inclusive), <b>breached</b> once
 * now is past the deadline. The deadline is the latest reported refresh (or, before any, the publication of the
 * current version) plus the declared window.
 */
public enum FreshnessState {
    ON_TIME("on_time"),
    AT_RISK("at_risk"),
    BREACHED("breached");

    /** The name stored in {@code freshness_state.state} and answered by the API. */
    public final String stored;

    FreshnessState(String stored) {
        this.stored = stored;
    }

    /** The state of the stored name; an unknown name is a broken database, not input. */
    public static FreshnessState ofStored(String stored) {
        for (FreshnessState state : values()) {
            if (state.stored.equals(stored)) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown freshness state '" + stored + "'");
    }

    /**
     * A product's deadline and the start of its at-risk margin.
     *
     * @param deadline the refresh (or publication) the deadline runs from, plus the window
     * @param atRiskFrom {@code deadline - window × marginPercent / 100}, to the second
     */
    public record Deadline(Instant deadline, Instant atRiskFrom) {

        /**
         * @param from the latest reported refresh, or the publication when none was reported
         * @param window the declared freshness (positive)
         * @param marginPercent 1 to 99
         */
        public static Deadline of(Instant from, Duration window, int marginPercent) {
            Instant deadline = from.plus(window);
            long marginSeconds = window.toSeconds() * marginPercent / 100;
            return new Deadline(deadline, deadline.minusSeconds(marginSeconds));
        }

        /** The state at {@code now}. */
        public FreshnessState stateAt(Instant now) {
            if (now.isAfter(deadline)) {
                return BREACHED;
            }
            return now.isBefore(atRiskFrom) ? ON_TIME : AT_RISK;
        }

        /**
         * When a move from {@code from} to {@code to} began by this deadline's arithmetic: the deadline for a breach,
         * the start of the margin for at risk, {@code refreshedAt} for the end of a breach or of a risk (the refresh
         * that made the product fresh again; now when none was reported); never before {@code previousSince} (the history stays in order, even when the
         * watch starts late or a product's old breach is first seen now) and never after {@code now}.
         */
        public Instant began(
                FreshnessState from, FreshnessState to, Instant refreshedAt, Instant previousSince, Instant now) {
            Instant refreshed = refreshedAt == null ? now : refreshedAt;
            Instant at = switch (to) {
                case BREACHED -> deadline;
                // out of a breach by a refresh already inside its next margin: the breach ended at the refresh
                case AT_RISK -> from == BREACHED ? refreshed : atRiskFrom;
                case ON_TIME -> refreshed;
            };
            if (at.isBefore(previousSince)) {
                at = previousSince;
            }
            return at.isAfter(now) ? now : at;
        }
    }

    /**
     * The kind of a move from {@code from} to {@code to} as the history records it: {@code recovered} when a breach
     * ends (whether the product is then on time or already at risk again), otherwise the name of the new state.
     */
    public static String kindOf(FreshnessState from, FreshnessState to) {
        if (from == BREACHED && to != BREACHED) {
            return "recovered";
        }
        return to.stored;
    }
}
