package io.signalbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown reduced to what a reader sees, for snippets and suggestions. */
class PlainTextUnitTest {

    @Test
    void emphasisLinksAndCodeBecomeTheirText() {
        assertThat(PlainText.of(
                        "One row per **network service**, see [the guide](https://example.com) and `service_id`."))
                .isEqualTo("One row per network service, see the guide and service_id.");
    }

    @Test
    void blocksAreSeparatedByLineBreaks() {
        assertThat(PlainText.of("# Usage\n\n- Join on `charging_id`.\n- _Never_ export MSISDN.\n\nDaily."))
                .isEqualTo("Usage\nJoin on charging_id.\nNever export MSISDN.\nDaily.");
    }

    @Test
    void rawHtmlStaysTheTextItWasWrittenAs() {
        assertThat(PlainText.of("Reconciliation against <b>rated</b> usage."))
                .isEqualTo("Reconciliation against <b>rated</b> usage.");
    }

    @Test
    void identifiersWithUnderscoresAreNotEmphasis() {
        assertThat(PlainText.of("Join on customer_contact_phone and snake_case_name."))
                .isEqualTo("Join on customer_contact_phone and snake_case_name.");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(PlainText.of(null)).isEmpty();
        assertThat(PlainText.of("  ")).isEmpty();
    }
}
