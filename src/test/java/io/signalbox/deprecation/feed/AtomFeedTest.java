package io.signalbox.deprecation.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed writer's words and its guard against text XML 1.0 cannot carry, without the portal. */
class AtomFeedTest {

    static FeedEntry entry(String kind, Integer major, String summary) {
        return new FeedEntry(
                42,
                7,
                "billing.invoices",
                "billing",
                kind,
                Instant.parse("2026-11-02T09:15:30.987Z"),
                "nora",
                summary,
                major,
                "active",
                "Replaced.",
                "billing.invoices-v2",
                "2.0.0",
                null,
                LocalDate.parse("2027-04-01"),
                null,
                3);
    }

    @Test
    void titlesSayWhatHappenedInPlainWords() {
        assertThat(AtomFeed.title(entry("issued", null, "sunset 2027-03-01, the whole product")))
                .isEqualTo("billing.invoices: deprecated, stops on 1 March 2027");
        assertThat(AtomFeed.title(entry("extended", null, "sunset moved from 2027-03-01 to 2027-04-01")))
                .isEqualTo("billing.invoices: sunset moved to 1 April 2027");
        assertThat(AtomFeed.title(entry("rescinded", null, "rescinded: kept")))
                .isEqualTo("billing.invoices: deprecation withdrawn");
        assertThat(AtomFeed.title(entry("retired", 2, "major line 2 retired at its sunset")))
                .isEqualTo("billing.invoices 2.x: retired");
    }

    @Test
    void aSummaryWithoutADayFallsBackToTheNoticesSunset() {
        assertThat(AtomFeed.sunsetAfter(entry("issued", null, "issued"))).isEqualTo(LocalDate.parse("2027-04-01"));
        assertThat(AtomFeed.sunsetAfter(entry("issued", null, "sunset 2027-13-45")))
                .isEqualTo(LocalDate.parse("2027-04-01"));
        assertThat(AtomFeed.sunsetAfter(entry("issued", null, null))).isEqualTo(LocalDate.parse("2027-04-01"));
    }

    @Test
    void charactersXmlCannotCarryBecomeTheReplacementCharacterAndPairsStay() {
        assertThat(AtomFeed.xmlSafe("plain <text> & more")).isEqualTo("plain <text> & more");
        assertThat(AtomFeed.xmlSafe("tab\tline\ncr\r")).isEqualTo("tab\tline\ncr\r");
        assertThat(AtomFeed.xmlSafe("nul\u0000 bell\u0007 esc\u001B")).isEqualTo("nul\uFFFD bell\uFFFD esc\uFFFD");
        assertThat(AtomFeed.xmlSafe("\uFFFE\uFFFF")).isEqualTo("\uFFFD\uFFFD");
        assertThat(AtomFeed.xmlSafe("lone \uD800 high, lone \uDC00 low, end \uD83D"))
                .isEqualTo("lone \uFFFD high, lone \uFFFD low, end \uFFFD");
        assertThat(AtomFeed.xmlSafe("emoji \uD83D\uDCC9 \u00e9\u4e2d")).isEqualTo("emoji \uD83D\uDCC9 \u00e9\u4e2d");
        assertThat(AtomFeed.xmlSafe(null)).isEmpty();
    }

    @Test
    void idsAreTagUrisUnderThePublicHostAndDatesAreWholeSecondsInUtc() {
        AtomFeed feed = new AtomFeed("https://Catalog.Example.org:8443/portal/");
        FeedEntry entry = entry("issued", null, "sunset 2027-03-01");

        assertThat(feed.entryId(entry)).isEqualTo("tag:catalog.example.org,2026:signalbox:deprecation-event:42");
        assertThat(feed.feedId(FeedScope.domain("billing")))
                .isEqualTo("tag:catalog.example.org,2026:signalbox:feeds/domains/billing");
        assertThat(feed.noticeLink(entry))
                .isEqualTo("https://Catalog.Example.org:8443/portal/products/billing.invoices/deprecation?notice=7");
        assertThat(AtomFeed.updated(List.of(entry))).isEqualTo(Instant.parse("2026-11-02T09:15:30Z"));
        assertThat(AtomFeed.updated(List.of())).isEqualTo(AtomFeed.EMPTY_FEED_UPDATED);
        assertThat(AtomFeed.rfc3339(Instant.parse("2026-11-02T09:15:30Z"))).isEqualTo("2026-11-02T09:15:30Z");
    }
}
