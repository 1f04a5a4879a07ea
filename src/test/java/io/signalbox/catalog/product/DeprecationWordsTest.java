package io.signalbox.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.catalog.product.CatalogViews.DeprecationView;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The banner's words for how far the sunset is and what the notice covers. */
class DeprecationWordsTest {

    private static DeprecationView notice(Integer major, String state, long daysLeft) {
        LocalDate sunset = LocalDate.of(2027, 3, 1);
        return new DeprecationView(
                major,
                state,
                sunset,
                Instant.parse("2027-03-01T00:00:00Z"),
                Instant.parse("2026-11-30T10:00:00Z"),
                "Replaced.",
                null,
                "No longer collected.",
                "",
                daysLeft,
                "/products/network.x/deprecation",
                null);
    }

    @Test
    void theCountdownSaysDaysThenOneDayThenToday() {
        assertThat(notice(null, "active", 91).countdown()).isEqualTo("in 91 days");
        assertThat(notice(null, "active", 2).countdown()).isEqualTo("in 2 days");
        assertThat(notice(null, "active", 1).countdown()).isEqualTo("in 1 day");
        assertThat(notice(null, "active", 0).countdown()).isEqualTo("today");
    }

    @Test
    void theSubjectIsTheProductOrItsMajorLine() {
        assertThat(notice(null, "active", 5).subject()).isEqualTo("This product");
        assertThat(notice(2, "active", 5).subject()).isEqualTo("Major line 2 of this product");
        assertThat(notice(2, "retired", 0).retired()).isTrue();
        assertThat(notice(2, "active", 0).retired()).isFalse();
    }
}
