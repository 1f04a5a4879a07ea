package io.signalbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The one way pages show time: instants in UTC saying so, dates with neither time nor zone. */
class DatesTest {

    @Test
    void anInstantIsShownToTheMinuteInUtcAndSaysSo() {
        assertThat(Dates.utc(Instant.parse("2026-11-30T14:05:07.123456Z"))).isEqualTo("2026-11-30 14:05 UTC");
        assertThat(Dates.utc(Instant.parse("2026-01-02T03:04:00Z"))).isEqualTo("2026-01-02 03:04 UTC");
    }

    @Test
    void anInstantWrittenInAnotherZoneIsShownOnItsUtcDayAndHour() {
        Instant earlyInBerlin =
                OffsetDateTime.parse("2026-12-01T01:30:00+02:00").toInstant();

        assertThat(Dates.utc(earlyInBerlin)).isEqualTo("2026-11-30 23:30 UTC");
        assertThat(Dates.iso(earlyInBerlin)).isEqualTo("2026-11-30T23:30:00Z");
    }

    @Test
    void theMachineFormIsIsoInUtcToTheWholeSecond() {
        assertThat(Dates.iso(Instant.parse("2026-11-30T14:05:07.123456Z"))).isEqualTo("2026-11-30T14:05:07Z");
        assertThat(Dates.iso(Instant.parse("2026-11-30T14:05:00Z")))
                .as("seconds are written even when zero, so every value has one shape")
                .isEqualTo("2026-11-30T14:05:00Z");
    }

    @Test
    void anInstantInATemplateIsATimeElementCarryingTheInstant() {
        assertThat(Dates.time(Instant.parse("2026-11-30T14:05:07.5Z")).getValue())
                .isEqualTo("<time datetime=\"2026-11-30T14:05:07Z\">2026-11-30 14:05 UTC</time>");
    }

    @Test
    void aDateInATemplateHasNoTimeAndNoZone() {
        assertThat(Dates.time(LocalDate.of(2026, 11, 1)).getValue())
                .isEqualTo("<time datetime=\"2026-11-01\">2026-11-01</time>");
    }

    @Test
    void nothingIsShownForAMissingValue() {
        assertThat(Dates.utc(null)).isEmpty();
        assertThat(Dates.iso(null)).isEmpty();
        assertThat(Dates.time((Instant) null).getValue()).isEmpty();
        assertThat(Dates.time((LocalDate) null).getValue()).isEmpty();
    }
}
