package io.signalbox.governance.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Declared freshness as contracts write it, read as the longest age the data may reach. */
class FreshnessWindowTest {

    @Test
    void cadenceWordsAreReadFirst() {
        assertThat(FreshnessWindow.of("daily by 06:00 UTC")).contains(Duration.ofDays(1));
        assertThat(FreshnessWindow.of("Hourly")).contains(Duration.ofHours(1));
        assertThat(FreshnessWindow.of("weekly, on Mondays")).contains(Duration.ofDays(7));
        assertThat(FreshnessWindow.of("daily, within 2 hours of midnight")).contains(Duration.ofDays(1));
    }

    @Test
    void anAmountWithAUnitIsReadAsWritten() {
        assertThat(FreshnessWindow.of("4 h")).contains(Duration.ofHours(4));
        assertThat(FreshnessWindow.of("every 4 hours")).contains(Duration.ofHours(4));
        assertThat(FreshnessWindow.of("15min")).contains(Duration.ofMinutes(15));
        assertThat(FreshnessWindow.of("1 d")).contains(Duration.ofDays(1));
        assertThat(FreshnessWindow.of("1.5 days")).contains(Duration.ofHours(36));
        assertThat(FreshnessWindow.of("2 weeks")).contains(Duration.ofDays(14));
    }

    @Test
    void isoDurationsAreRead() {
        assertThat(FreshnessWindow.of("PT30M")).contains(Duration.ofMinutes(30));
        assertThat(FreshnessWindow.of("p1d")).contains(Duration.ofDays(1));
    }

    @Test
    void textWithoutADurationIsUnreadable() {
        assertThat(FreshnessWindow.of("as soon as possible")).isEmpty();
        assertThat(FreshnessWindow.of("by 6 am")).isEmpty();
        assertThat(FreshnessWindow.of("0 h")).isEmpty();
        assertThat(FreshnessWindow.of("3 months")).isEmpty();
        assertThat(FreshnessWindow.of("P")).isEmpty();
        assertThat(FreshnessWindow.of(" ")).isEmpty();
        assertThat(FreshnessWindow.of(null)).isEmpty();
    }
}
