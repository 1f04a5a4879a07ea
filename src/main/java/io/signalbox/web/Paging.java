package io.signalbox.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one paging contract of every list the API answers (issue 12: no answer grows with the catalog).
 *
 * <p>A client asks for {@code ?size=N} (default and maximum set per list; {@code size} below 1 or above the maximum is
 * a 400 naming {@code size} and the allowed range) and follows {@code next}: an opaque cursor {@code ?after=…} that
 * carries the sort key of the last item returned (keyset paging: the database seeks to it through an index instead of
 * counting past an offset, so page 1 000 costs what page 1 costs, and an item added meanwhile neither repeats nor
 * shifts the pages). A cursor that is not one we wrote is a 400 naming {@code after}. Each list documents its stable
 * order, which always ends with a unique key.
 *
 * <p>The answer is {@link Page}: {@code {"items": [...], "next": "/api/...?after=...&size=N"}} ({@code next} absent
 * on the last page), with the same link in an RFC 8288 {@code Link: <…>; rel="next"} header.
 */
public final class Paging {

    private Paging() {}

    /**
     * What a client asked for: at most {@code size} items after the position {@code after} (empty: from the start).
     * {@code size} is the number of items; {@code after} holds the sort key parts of the last item already seen.
     */
    public record PageRequest(List<String> after, int size) {

        /** True for the first page. */
        public boolean first() {
            return after.isEmpty();
        }

        /** The {@code i}-th part of the cursor's sort key (0-based). */
        public String after(int i) {
            return after.get(i);
        }

        /**
         * The {@code i}-th part of the cursor's sort key read by {@code parse} (an instant, a number, a version);
         * a part that {@code parse} refuses with any runtime exception is a cursor we did not write.
         *
         * @throws Refusal.Malformed (400) naming {@code after}, as {@link #foreignCursor(String)}
         */
        public <T> T after(int i, Function<String, T> parse) {
            try {
                return parse.apply(after.get(i));
            } catch (RuntimeException e) {
                throw foreignCursor("after");
            }
        }

        /** One item more than the page: the query reads {@code size + 1} rows to know whether a next page exists. */
        public int limitWithLookahead() {
            return size + 1;
        }
    }

    /**
     * Reads {@code size} and {@code after} as a list with {@code keyParts} sort key parts takes them.
     *
     * @param after the {@code after} query parameter, null or blank for the first page
     * @param size the {@code size} query parameter, null for {@code defaultSize}
     * @throws Refusal.Malformed (400) naming {@code size} when it is below 1 or above {@code maxSize}, naming
     *     {@code after} when the cursor was not written by {@link #cursor} for this many key parts
     */
    public static PageRequest request(String after, Integer size, int defaultSize, int maxSize, int keyParts) {
        int pageSize = size == null ? defaultSize : size;
        if (pageSize < 1 || pageSize > maxSize) {
            throw Refusal.malformed(
                    "The page size is out of range",
                    List.of(new FieldProblem(
                            "size", "must be between 1 and " + maxSize + " (default " + defaultSize + ")")));
        }
        if (after == null || after.isBlank()) {
            return new PageRequest(List.of(), pageSize);
        }
        return new PageRequest(decode(after.strip(), keyParts), pageSize);
    }

    /**
     * Cuts the rows read with {@link PageRequest#limitWithLookahead()} to the page and writes the link to the next one.
     *
     * @param rows the rows in the list's stable order, at most {@code size + 1}
     * @param sortKey the sort key parts of a row, in order, the last one unique
     * @param uri the request's address: the next link keeps its path and other query parameters
     */
    public static <T> Page<T> page(List<T> rows, PageRequest request, Function<T, List<String>> sortKey, UriInfo uri) {
        return page(rows, request, sortKey, uri.getPath(), uri.getQueryParameters());
    }

    /**
     * As {@link #page(List, PageRequest, Function, UriInfo)}, for an address given as its path and decoded query
     * parameters.
     */
    public static <T> Page<T> page(
            List<T> rows,
            PageRequest request,
            Function<T, List<String>> sortKey,
            String path,
            Map<String, List<String>> query) {
        if (rows.size() <= request.size()) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.size()));
        String cursor = cursor(sortKey.apply(items.get(items.size() - 1)));
        return new Page<>(items, nextLink(path, query, cursor, request.size()));
    }

    /** An opaque cursor for the given sort key parts (base64url of the parts joined by NUL, which no key holds). */
    public static String cursor(List<String> keyParts) {
        String joined = String.join("\u0000", keyParts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, int keyParts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(joined.split("\u0000", -1));
            if (parts.size() == keyParts && !HostileText.isUnstorable(String.join("", parts))) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // not base64url: answered below like any other cursor we did not write
        }
        throw foreignCursor("after");
    }

    /**
     * The one refusal of a cursor this list did not write (altered, truncated, from another list): 400 naming the
     * query parameter it came in ({@code after}, or {@code before} for a list that also pages backwards).
     */
    public static Refusal.Malformed foreignCursor(String parameter) {
        return Refusal.malformed(
                "The page cursor cannot be read",
                List.of(new FieldProblem(
                        parameter, "is not a cursor this list wrote; follow the links of the previous page")));
    }

    private static String nextLink(String path, Map<String, List<String>> query, String cursor, int size) {
        StringBuilder link = new StringBuilder(path);
        List<String> parameters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : new java.util.TreeMap<>(query).entrySet()) {
            if (parameter.getKey().equals("after") || parameter.getKey().equals("size")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                parameters.add(encode(parameter.getKey()) + "=" + encode(value));
            }
        }
        parameters.add("after=" + cursor);
        parameters.add("size=" + size);
        return link.append('?').append(String.join("&", parameters)).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * One page of a list: its items in the list's order, and the address of the next page (absent on the last).
     *
     * @param items at most the requested size
     * @param next a path with query, relative to the portal, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page<T>(List<T> items, String next) {

        /** The page as a 200 answer with the RFC 8288 {@code Link: <next>; rel="next"} header when there is a next. */
        public Response answer() {
            Response.ResponseBuilder answer = Response.ok(this);
            if (next != null) {
                answer.header("Link", "<" + next + ">; rel=\"next\"");
            }
            return answer.build();
        }

        /** The same page with each item transformed (a row into its view). */
        public <R> Page<R> map(Function<T, R> view) {
            return new Page<>(items.stream().map(view).toList(), next);
        }
    }
}
