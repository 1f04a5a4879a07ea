package io.signalbox.readiness.watch;

import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stretch of a watch list: its items and, when the list goes on, the cursor to continue after (web.Paging's
 * opaque cursor). The orphan list may end a stretch with fewer items than asked and a cursor: it stops after reading
 * a bounded number of products, so the cursor then marks the last product read rather than the last item shown.
 */
public record WatchList<T>(List<T> items, String after) {

    /** The stretch as an API page: {@code next} keeps {@code path}'s other query parameters, then after and size. */
    public Page<T> page(String path, Map<String, List<String>> query, int size) {
        if (after == null) {
            return new Page<>(items, null);
        }
        StringBuilder link = new StringBuilder(path).append('?');
        for (Map.Entry<String, List<String>> parameter : new TreeMap<>(query).entrySet()) {
            if (parameter.getKey().equals("after") || parameter.getKey().equals("size")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                link.append(encode(parameter.getKey()))
                        .append('=')
                        .append(encode(value))
                        .append('&');
            }
        }
        return new Page<>(
                items,
                link.append("after=")
                        .append(after)
                        .append("&size=")
                        .append(size)
                        .toString());
    }

    /** Cuts rows read with one row of lookahead to {@code size}, with the cursor of the last kept row when more. */
    static <T> WatchList<T> of(List<T> rows, int size, java.util.function.Function<T, List<String>> sortKey) {
        if (rows.size() <= size) {
            return new WatchList<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, size));
        return new WatchList<>(items, Paging.cursor(sortKey.apply(items.get(size - 1))));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
