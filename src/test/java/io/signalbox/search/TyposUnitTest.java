package io.signalbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edit distance as Lucene's fuzzy matching counts it: insert, delete, replace, or swap two neighbours. */
class TyposUnitTest {

    @Test
    void aWordIsWithinNoEditsOfItself() {
        assertThat(Typos.withinEdits("customer", "customer", 0)).isTrue();
        assertThat(Typos.withinEdits("", "", 0)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "invoice, invoise, replaced",
        "service, servce, deleted",
        "service, servicee, inserted",
        "customer, custmoer, swapped",
        "customer, ucstomer, swapped at the start",
        "customer, customre, swapped at the end"
    })
    void oneTypoIsOneEdit(String word, String typed, String how) {
        assertThat(Typos.withinEdits(word, typed, 1)).as(how).isTrue();
        assertThat(Typos.withinEdits(typed, word, 1))
                .as(how + ", either way round")
                .isTrue();
        assertThat(Typos.withinEdits(word, typed, 0)).as(how).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"customer, custmr", "subscriber, subscrbr", "invoice, ivnocie", "account, acounts"})
    void twoTyposAreTwoEdits(String word, String typed) {
        assertThat(Typos.withinEdits(word, typed, 2)).isTrue();
        assertThat(Typos.withinEdits(word, typed, 1)).isFalse();
    }

    @Test
    void aSwapOfNonNeighboursIsTwoEdits() {
        assertThat(Typos.withinEdits("abcd", "adcb", 1)).isFalse();
        assertThat(Typos.withinEdits("abcd", "adcb", 2)).isTrue();
    }

    @Test
    void wordsOfVeryDifferentLengthsAreNeverClose() {
        assertThat(Typos.withinEdits("inv", "invoices", 2)).isFalse();
        assertThat(Typos.withinEdits("invoi", "invoices", 2)).isFalse();
        assertThat(Typos.withinEdits("invoic", "invoices", 2)).isTrue();
        assertThat(Typos.withinEdits("", "ab", 2)).isTrue();
        assertThat(Typos.withinEdits("", "ab", 1)).isFalse();
    }

    @Test
    void differentWordsOfTheSameLengthAreFar() {
        assertThat(Typos.withinEdits("order", "label", 2)).isFalse();
        assertThat(Typos.withinEdits("order", "label", 5)).isTrue();
    }
}
