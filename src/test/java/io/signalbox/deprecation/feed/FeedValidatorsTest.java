package io.signalbox.deprecation.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Conditional GET as RFC 9110 §13 asks, without the portal. */
class FeedValidatorsTest {

    static final FeedValidators ONE =
            FeedValidators.of(List.of(AtomFeedTest.entry("issued", null, "sunset 2027-03-01")));

    @Test
    void theTagNamesTheNewestEventTheCountAndTheNoticesVersions() {
        assertThat(ONE.etag()).isEqualTo("W/\"d42-1-3\"");
        assertThat(ONE.lastModifiedHeader()).isEqualTo("Mon, 02 Nov 2026 09:15:30 GMT");
        assertThat(FeedValidators.of(List.of()).etag()).isEqualTo("W/\"d0-0-0\"");
        // Two steps of one notice count its version once.
        FeedEntry issued = AtomFeedTest.entry("issued", null, "sunset 2027-03-01");
        FeedEntry later = new FeedEntry(
                43,
                7,
                "billing.invoices",
                "billing",
                "extended",
                issued.at(),
                "nora",
                "sunset moved from 2027-03-01 to 2027-04-01",
                null,
                "active",
                "Replaced.",
                null,
                null,
                "none",
                issued.noticeSunset(),
                null,
                3);
        assertThat(FeedValidators.of(List.of(later, issued)).etag()).isEqualTo("W/\"d43-2-3\"");
        assertThat(FeedValidators.of(List.of()).lastModifiedHeader()).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void ifNoneMatchComparesWeaklyAndDecidesAlone() {
        assertThat(ONE.notModified("W/\"d42-1-3\"", null)).isTrue();
        assertThat(ONE.notModified("\"d42-1-3\"", null)).isTrue();
        assertThat(ONE.notModified("\"x\", W/\"d42-1-3\"", null)).isTrue();
        assertThat(ONE.notModified("*", null)).isTrue();
        assertThat(ONE.notModified("W/\"d41-1-3\"", null)).isFalse();
        assertThat(ONE.notModified("W/\"d41-1-3\"", "Mon, 02 Nov 2026 09:15:30 GMT"))
                .isFalse();
    }

    @Test
    void ifModifiedSinceAnswers304FromTheLastModificationOnAndIgnoresDatesItCannotRead() {
        assertThat(ONE.notModified(null, "Mon, 02 Nov 2026 09:15:30 GMT")).isTrue();
        assertThat(ONE.notModified(null, "Tue, 03 Nov 2026 00:00:00 GMT")).isTrue();
        assertThat(ONE.notModified(null, "Mon, 02 Nov 2026 09:15:29 GMT")).isFalse();
        assertThat(ONE.notModified(null, "yesterday")).isFalse();
        assertThat(ONE.notModified(null, null)).isFalse();
    }
}
