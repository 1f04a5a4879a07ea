package io.signalbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final List<String> ROWS =
            IntStream.range(0, 7).mapToObj(i -> "item-" + i).toList();

    @Test
    void theDefaultSizeAppliesWhenNoneIsAsked() {
        PageRequest request = Paging.request(null, null, 50, 200, 1);
        assertThat(request.size()).isEqualTo(50);
        assertThat(request.first()).isTrue();
        assertThat(request.limitWithLookahead()).isEqualTo(51);
    }

    @Test
    void aSizeOutsideTheRangeIsRefusedNamingSize() {
        for (int size : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> Paging.request(null, size, 50, 200, 1))
                    .isInstanceOf(Refusal.Malformed.class)
                    .satisfies(e -> assertThat(((Refusal) e).problems())
                            .extracting(FieldProblem::field, FieldProblem::message)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                    "size", "must be between 1 and 200 (default 50)")));
        }
        assertThat(Paging.request(null, 200, 50, 200, 1).size()).isEqualTo(200);
    }

    @Test
    void aPageWithMoreRowsThanItsSizeLinksToTheNextKeepingTheOtherParameters() {
        PageRequest request = Paging.request(null, 3, 50, 200, 1);
        Page<String> page = Paging.page(
                ROWS.subList(0, 4), request, row -> List.of(row), "/api/products", Map.of("domain", List.of("a b")));
        assertThat(page.items()).containsExactly("item-0", "item-1", "item-2");
        assertThat(page.next())
                .isEqualTo("/api/products?domain=a+b&after=" + Paging.cursor(List.of("item-2")) + "&size=3");
    }

    @Test
    void theLastPageHasNoNext() {
        PageRequest request = Paging.request(null, 3, 50, 200, 1);
        Page<String> page = Paging.page(ROWS.subList(4, 7), request, row -> List.of(row), "/x", Map.of());
        assertThat(page.items()).hasSize(3);
        assertThat(page.next()).isNull();
        assertThat(page.answer().getHeaderString("Link")).isNull();
    }

    @Test
    void aCursorReadsBackAsTheSortKeyItWasWrittenFrom() {
        String cursor = Paging.cursor(List.of("2026-11-30T10:00:00Z", "network.service-inventory"));
        PageRequest request = Paging.request(cursor, 10, 50, 200, 2);
        assertThat(request.after()).containsExactly("2026-11-30T10:00:00Z", "network.service-inventory");
        assertThat(request.after(1)).isEqualTo("network.service-inventory");
    }

    @Test
    void aCursorWeDidNotWriteIsRefusedNamingAfter() {
        String twoParts = Paging.cursor(List.of("a", "b"));
        for (String cursor : new String[] {"not base64!", twoParts, Paging.cursor(List.of("\u0001"))}) {
            assertThatThrownBy(() -> Paging.request(cursor, 10, 50, 200, 1))
                    .isInstanceOf(Refusal.Malformed.class)
                    .satisfies(e -> assertThat(((Refusal) e).problems())
                            .extracting(FieldProblem::field)
                            .containsExactly("after"));
        }
    }

    @Test
    void aCursorPartThatDoesNotParseIsRefusedNamingAfter() {
        PageRequest request = Paging.request(Paging.cursor(List.of("17", "yesterday")), 10, 50, 200, 2);
        long first = request.after(0, Long::parseLong);
        assertThat(first).isEqualTo(17L);
        assertThatThrownBy(() -> request.after(1, java.time.Instant::parse))
                .isInstanceOf(Refusal.Malformed.class)
                .satisfies(e -> assertThat(((Refusal) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("after"));
        assertThat(Paging.foreignCursor("before").problems())
                .extracting(FieldProblem::field)
                .containsExactly("before");
    }

    @Test
    void theAnswerCarriesTheNextLinkAsAnRfc8288Header() {
        Page<String> page = new Page<>(List.of("a"), "/api/x?after=YQ&size=1");
        assertThat(page.answer().getHeaderString("Link")).isEqualTo("</api/x?after=YQ&size=1>; rel=\"next\"");
        assertThat(page.map(String::toUpperCase).items()).containsExactly("A");
    }
}
