package io.signalbox.freshness.watch;

import static io.signalbox.freshness.watch.FreshnessState.AT_RISK;
import static io.signalbox.freshness.watch.FreshnessState.BREACHED;
import static io.signalbox.freshness.watch.FreshnessState.ON_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.freshness.watch.FreshnessState.Deadline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one rule of the freshness states, to the second, and when each move began. */
class FreshnessStateTest {

    private static final Instant REFRESHED = Instant.parse("2026-11-30T06:00:00Z");
    private static final Deadline DAILY = Deadline.of(REFRESHED, Duration.ofDays(1), 20);

    @Test
    void aDailyPromiseIsAtRiskForItsLastFourHoursFortyEightMinutesAndBreachedAfterItsDeadline() {
        assertThat(DAILY.deadline()).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(DAILY.atRiskFrom()).isEqualTo("2026-12-01T01:12:00Z");
        assertThat(DAILY.stateAt(Instant.parse("2026-12-01T01:11:59Z"))).isEqualTo(ON_TIME);
        assertThat(DAILY.stateAt(Instant.parse("2026-12-01T01:12:00Z"))).isEqualTo(AT_RISK);
        assertThat(DAILY.stateAt(Instant.parse("2026-12-01T06:00:00Z"))).isEqualTo(AT_RISK);
        assertThat(DAILY.stateAt(Instant.parse("2026-12-01T06:00:01Z"))).isEqualTo(BREACHED);
    }

    @Test
    void theMarginIsAShareOfTheWindowToTheSecond() {
        Deadline quarterHour = Deadline.of(REFRESHED, Duration.ofMinutes(15), 20);
        assertThat(Duration.between(quarterHour.atRiskFrom(), quarterHour.deadline()))
                .isEqualTo(Duration.ofMinutes(3));
        Deadline weekly = Deadline.of(REFRESHED, Duration.ofDays(7), 10);
        assertThat(Duration.between(weekly.atRiskFrom(), weekly.deadline())).isEqualTo(Duration.ofMinutes(1008));
    }

    @Test
    void eachMoveBeganWhenTheArithmeticSaysNeverBeforeThePreviousStateNorAfterNow() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        Instant watchedSince = Instant.parse("2026-11-30T00:00:00Z");
        assertThat(DAILY.began(AT_RISK, BREACHED, REFRESHED, watchedSince, now)).isEqualTo(DAILY.deadline());
        assertThat(DAILY.began(ON_TIME, AT_RISK, REFRESHED, watchedSince, now)).isEqualTo(DAILY.atRiskFrom());
        // first seen long after the deadline: breached from when the watch began
        Instant lateStart = Instant.parse("2026-12-01T08:30:00Z");
        assertThat(DAILY.began(ON_TIME, BREACHED, REFRESHED, lateStart, now)).isEqualTo(lateStart);
        // a recovery began with the refresh that ended the breach
        Instant refresh = Instant.parse("2026-12-01T08:00:00Z");
        Deadline next = Deadline.of(refresh, Duration.ofDays(1), 20);
        assertThat(next.began(BREACHED, ON_TIME, refresh, DAILY.deadline(), now))
                .isEqualTo(refresh);
        // out of a breach by a refresh already inside its next margin: the breach still ended at the refresh
        Instant oldRefresh = Instant.parse("2026-11-30T12:00:00Z");
        Deadline stale = Deadline.of(oldRefresh, Duration.ofDays(1), 20);
        Instant now2 = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(stale.stateAt(now2)).isEqualTo(AT_RISK);
        assertThat(stale.began(BREACHED, AT_RISK, oldRefresh, DAILY.deadline(), now2))
                .as("never before the breach began")
                .isEqualTo(DAILY.deadline());
        // a refresh reported a little in the future (clock skew) is clamped to now
        assertThat(next.began(BREACHED, ON_TIME, now.plusSeconds(30), DAILY.deadline(), now))
                .isEqualTo(now);
    }

    @Test
    void leavingABreachIsARecoveryWhereverItLeadsAndEveryOtherMoveIsNamedByItsNewState() {
        assertThat(FreshnessState.kindOf(BREACHED, ON_TIME)).isEqualTo("recovered");
        assertThat(FreshnessState.kindOf(BREACHED, AT_RISK)).isEqualTo("recovered");
        assertThat(FreshnessState.kindOf(ON_TIME, AT_RISK)).isEqualTo("at_risk");
        assertThat(FreshnessState.kindOf(AT_RISK, BREACHED)).isEqualTo("breached");
        assertThat(FreshnessState.kindOf(ON_TIME, BREACHED)).isEqualTo("breached");
        assertThat(FreshnessState.kindOf(AT_RISK, ON_TIME)).isEqualTo("on_time");
    }

    @Test
    void storedNamesRoundTripAndAnUnknownOneIsABrokenDatabase() {
        for (FreshnessState state : FreshnessState.values()) {
            assertThat(FreshnessState.ofStored(state.stored)).isEqualTo(state);
        }
        assertThatThrownBy(() -> FreshnessState.ofStored("late")).isInstanceOf(IllegalStateException.class);
    }
}
