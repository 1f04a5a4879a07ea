package io.signalbox.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.signalbox.search.ProductDocuments.Facet;
import io.signalbox.search.SearchRequest.Order;
import io.signalbox.search.SearchRequest.Parsed;
import io.signalbox.web.ErrorMappers;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A search as asked: what is accepted, what is refused (and how the refusal names the field), how text is read. */
class SearchRequestUnitTest {

    private static SearchRequest search(String text) {
        return SearchRequest.of(text, Map.of(), null, null, null);
    }

    private static SearchRequest page(Integer page, Integer size) {
        return SearchRequest.of("invoice", Map.of(), null, page, size);
    }

    private static SearchRequest filtered(String dimension, String... values) {
        return SearchRequest.of("", Map.of(dimension, Arrays.asList(values)), null, null, null);
    }

    private static List<FieldProblem> refusalOf(Runnable request) {
        Refusal refused = catchThrowableOfType(Refusal.class, request::run);
        assertThat(refused).as("the request is refused").isNotNull();
        assertThat(ErrorMappers.statusOf(refused)).isEqualTo(400);
        assertThat(refused.title()).isEqualTo("The search cannot be run as asked");
        return refused.problems();
    }

    private static String words(int count) {
        return String.join(" ", IntStream.range(0, count).mapToObj(i -> "w" + i).toList());
    }

    // ---- what is accepted ----

    @Test
    void anEmptySearchListsEverythingByRelevanceOnTheFirstPage() {
        SearchRequest request = SearchRequest.of(null, Map.of(), null, null, null);

        assertThat(request.text()).isEmpty();
        assertThat(request.hasText()).isFalse();
        assertThat(request.filtered()).isFalse();
        assertThat(request.order()).isEqualTo(Order.RELEVANCE);
        assertThat(request.page()).isEqualTo(1);
        assertThat(request.size()).isEqualTo(SearchRequest.DEFAULT_SIZE).isEqualTo(20);
    }

    @Test
    void theTextIsStrippedButASpaceThatEndsTheLastWordIsKept() {
        assertThat(search("  customer email").text()).isEqualTo("customer email");
        assertThat(search("  customer email \n").text()).isEqualTo("customer email ");
        assertThat(search("   ").hasText()).isFalse();
    }

    @Test
    void aThousandCharactersAreAccepted() {
        String longest = "x".repeat(SearchRequest.MAX_TEXT);

        assertThat(search(longest).text()).hasSize(1_000);
        assertThat(search("  " + longest + "  ").text().strip())
                .as("spaces around do not count")
                .hasSize(1_000);
    }

    @Test
    void thirtyTwoWordsAreAccepted() {
        assertThat(search(words(SearchRequest.MAX_WORDS)).parsed().words()).hasSize(32);
        assertThat(search("  a    b  ").parsed().words()).containsExactly("a", "b");
    }

    @ParameterizedTest
    @CsvSource({"relevance, RELEVANCE", "updated, UPDATED", "NAME, NAME", "' Updated ', UPDATED", "'', RELEVANCE"})
    void theOrderIsReadWhateverItsCase(String order, Order expected) {
        SearchRequest request = SearchRequest.of("", Map.of(), order, null, null);

        assertThat(request.order()).isEqualTo(expected);
        assertThat(request.order().label()).isEqualTo(expected.name().toLowerCase());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 100", "500, 20", "100, 100", "10000, 1"})
    void pagesUpToTheTenThousandthResultAreAccepted(int page, int size) {
        SearchRequest request = page(page, size);

        assertThat(request.page()).isEqualTo(page);
        assertThat(request.size()).isEqualTo(size);
    }

    @Test
    void filterValuesAreStrippedWithoutBlanksOrRepeats() {
        Map<String, List<String>> parameters = new HashMap<>();
        parameters.put("tag", Arrays.asList(" billing ", "billing", "", null, "usage"));
        parameters.put("domain", List.of("network"));
        parameters.put("status", List.of("  "));
        parameters.put("unknown", List.of("ignored"));

        SearchRequest request = SearchRequest.of("", parameters, null, null, null);

        assertThat(request.filtered()).isTrue();
        assertThat(request.filter(Facet.TAG)).containsExactly("billing", "usage");
        assertThat(request.filter(Facet.DOMAIN)).containsExactly("network");
        assertThat(request.filter(Facet.STATUS)).isEmpty();
        assertThat(request.filters()).containsOnlyKeys(Facet.TAG, Facet.DOMAIN);
    }

    @Test
    void twentyFilterValuesOfTwoHundredCharactersAreAccepted() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(String.format("%03d", i) + "v".repeat(197));
        }

        assertThat(SearchRequest.of("", Map.of("team", values), null, null, null)
                        .filter(Facet.TEAM))
                .hasSize(20);
    }

    @Test
    void onlyBlankFiltersLeaveTheSearchUnfiltered() {
        SearchRequest request = new SearchRequest("", new EnumMap<>(Map.of(Facet.TAG, List.of())), Order.NAME, 1, 20);

        assertThat(request.filtered()).isFalse();
    }

    // ---- what is refused ----

    @Test
    void textLongerThanAThousandCharactersIsRefusedNamingTheField() {
        List<FieldProblem> problems = refusalOf(() -> search("x".repeat(1_001)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("q");
            assertThat(p.message()).contains("1001 characters long", "limited to 1000 characters");
        });
    }

    @Test
    void moreThanThirtyTwoWordsAreRefusedNamingTheField() {
        List<FieldProblem> problems = refusalOf(() -> search(words(33)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("q");
            assertThat(p.message()).contains("more than 32 words", "filters");
        });
    }

    @Test
    void aTextBothTooLongAndTooWordyIsRefusedOnceForItsLength() {
        List<FieldProblem> problems = refusalOf(() -> search("ab ".repeat(400)));

        assertThat(problems)
                .extracting(FieldProblem::message)
                .singleElement()
                .asString()
                .contains("characters long");
    }

    @ParameterizedTest
    @CsvSource({"501, 20", "101, 100", "10001, 1", "2147483647, 100"})
    void pagesBeyondTheTenThousandthResultAreRefusedNamingThePage(int page, int size) {
        List<FieldProblem> problems = refusalOf(() -> page(page, size));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("page");
            assertThat(p.message()).contains("beyond the first 10000 results", "add words or filters");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aPageBeforeTheFirstIsRefused(int page) {
        assertThat(refusalOf(() -> page(page, null))).containsExactly(new FieldProblem("page", "must be 1 or more"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 101})
    void aPageSizeOutsideOneToAHundredIsRefused(int size) {
        assertThat(refusalOf(() -> page(1, size)))
                .containsExactly(new FieldProblem("size", "must be between 1 and 100"));
    }

    @Test
    void aPageTooDeepIsMeasuredWithTheDefaultSizeWhenTheSizeIsRefused() {
        assertThat(refusalOf(() -> page(501, 0)))
                .extracting(FieldProblem::field)
                .containsExactly("size", "page");
        assertThat(refusalOf(() -> page(500, 1_000)))
                .extracting(FieldProblem::field)
                .containsExactly("size");
    }

    @Test
    void anUnknownOrderIsRefused() {
        assertThat(refusalOf(() -> SearchRequest.of("", Map.of(), "newest", null, null)))
                .containsExactly(new FieldProblem("sort", "must be relevance, updated or name"));
    }

    @Test
    void moreThanTwentyValuesOfAFilterAreRefusedNamingTheFilter() {
        List<String> values = IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList();

        assertThat(refusalOf(() -> filtered("tag", values.toArray(String[]::new))))
                .containsExactly(new FieldProblem("tag", "takes at most 20 values of at most 200 characters each"));
    }

    @Test
    void aFilterValueLongerThanTwoHundredCharactersIsRefused() {
        assertThat(refusalOf(() -> filtered("domain", "network", "d".repeat(201))))
                .extracting(FieldProblem::field)
                .containsExactly("domain");
    }

    @Test
    void everyProblemIsNamedInOneRefusal() {
        Refusal refused = catchThrowableOfType(
                Refusal.class,
                () -> SearchRequest.of(words(40), Map.of("entity", List.of("e".repeat(300))), "random", 0, 500));

        assertThat(refused.problems())
                .extracting(FieldProblem::field)
                .containsExactly("q", "entity", "sort", "size", "page");
        assertThat(refused.detail()).isEqualTo("5 fields need attention; see errors.");
        assertThat(refused).isInstanceOf(Refusal.Malformed.class);
    }

    // ---- how the text is read ----

    @Test
    void wordsAndQuotedPhrasesAreReadApart() {
        Parsed parsed = search("invoice \"customer email\" usage").parsed();

        assertThat(parsed.words()).containsExactly("invoice", "usage");
        assertThat(parsed.phrases()).containsExactly("customer email");
        assertThat(parsed.lastWordIsPrefix()).isTrue();
        assertThat(parsed.isEmpty()).isFalse();
    }

    @Test
    void theLastWordIsAPrefixWhileItIsBeingTyped() {
        assertThat(search("customer em").parsed().lastWordIsPrefix()).isTrue();
    }

    @Test
    void aTextEndingInAPhraseHasNoPrefix() {
        Parsed parsed = search("usage \"customer email\"").parsed();

        assertThat(parsed.lastWordIsPrefix()).isFalse();
        assertThat(parsed.words()).containsExactly("usage");
    }

    @Test
    void anUnclosedQuoteIsAPhraseToTheEnd() {
        Parsed parsed = search("usage \"customer em").parsed();

        assertThat(parsed.phrases()).containsExactly("customer em");
        assertThat(parsed.words()).containsExactly("usage");
        assertThat(parsed.lastWordIsPrefix()).isFalse();
    }

    @Test
    void emptyPhrasesAreIgnored() {
        Parsed parsed = search("\"\" \"  \"").parsed();

        assertThat(parsed.isEmpty()).isTrue();
        assertThat(parsed.lastWordIsPrefix()).isFalse();
        assertThat(search("").parsed().isEmpty()).isTrue();
    }

    @Test
    void aSpaceAfterTheLastWordEndsIt() {
        SearchRequest typedWithSpace = new SearchRequest("customer ", Map.of(), Order.RELEVANCE, 1, 20);

        assertThat(typedWithSpace.parsed().lastWordIsPrefix()).isFalse();
        assertThat(typedWithSpace.parsed().words()).containsExactly("customer");
    }

    /** The space that ends the last word reaches parsed(): "invoice " is the word invoice, not a prefix. */
    @Test
    void aSpaceTypedAfterTheLastWordEndsItThroughTheApi() {
        assertThat(search("invoice ").parsed().lastWordIsPrefix()).isFalse();
    }
}
