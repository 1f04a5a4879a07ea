package io.signalbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.search.SearchResults.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of CatalogSearch that need no index: analysing typed words, reusing results, marking snippets. */
class CatalogSearchUnitTest {

    private static final char START = '\uE000';
    private static final char END = '\uE001';

    @Test
    void typedWordsAreAnalysedAsTheFieldIsIndexed() {
        assertThat(CatalogSearch.tokens(Analysis.PLAIN, ProductDocuments.PLAIN, "Customer_Emails of Zürich"))
                .containsExactly("customer", "emails", "of", "zurich");
        assertThat(CatalogSearch.tokens(Analysis.ENGLISH, ProductDocuments.DESCRIPTION, "Customer_Emails of Zürich"))
                .containsExactly("custom", "email", "zurich");
        assertThat(CatalogSearch.tokens(Analysis.PLAIN, ProductDocuments.PLAIN, "  "))
                .isEmpty();
    }

    @Test
    void resultsAreReusedUnlessTheClientAsksForFreshOnes() {
        assertThat(CatalogSearch.mayReuse(null)).isTrue();
        assertThat(CatalogSearch.mayReuse("max-age=0")).isTrue();
        assertThat(CatalogSearch.mayReuse("no-cache")).isFalse();
        assertThat(CatalogSearch.mayReuse("max-age=0, No-Cache")).isFalse();
    }

    @Test
    void aSnippetIsCutIntoMarkedAndPlainPieces() {
        String marked = "Every " + START + "service" + END + " with its " + START + "state" + END;

        assertThat(CatalogSearch.segments(marked))
                .containsExactly(
                        new Segment("Every ", false),
                        new Segment("service", true),
                        new Segment(" with its ", false),
                        new Segment("state", true));
    }

    @Test
    void aSnippetWithoutMarksIsOnePlainPiece() {
        assertThat(CatalogSearch.segments("  Every network service.  "))
                .containsExactly(new Segment("Every network service.", false));
    }

    @Test
    void noSnippetHasNoPieces() {
        assertThat(CatalogSearch.segments(null)).isEmpty();
        assertThat(CatalogSearch.segments(" \n ")).isEmpty();
        assertThat(CatalogSearch.segments(START + "" + END)).isEmpty();
    }

    @Test
    void aLongSnippetIsCutAtAWordBefore300CharactersAndSaysSo() {
        String words = "word ".repeat(80); // 400 characters, a space every five

        List<Segment> segments = CatalogSearch.segments(words);

        assertThat(segments).hasSize(1);
        String text = segments.get(0).text();
        assertThat(text).endsWith("word …").doesNotContain("  ");
        assertThat(text.length()).isLessThanOrEqualTo(302);
        assertThat(text.length()).isGreaterThan(290);
    }

    @Test
    void aLongSnippetWithoutSpacesIsCutAt300Characters() {
        String oneWord = "x".repeat(400);

        assertThat(CatalogSearch.segments(oneWord))
                .singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("x".repeat(300) + " …"));
    }

    @Test
    void aSnippetOf320CharactersIsShownWhole() {
        String text = "y".repeat(320);

        assertThat(CatalogSearch.segments(text))
                .singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo(text));
    }
}
