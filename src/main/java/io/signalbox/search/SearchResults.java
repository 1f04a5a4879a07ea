package io.signalbox.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of search results with the facets that narrow them, as the page and the API show them. */
public record SearchResults(
        String query,
        long total,
        int page,
        int size,
        String sort,
        long tookMicros,
        boolean cached,
        boolean relaxed,
        List<Hit> hits,
        Map<String, List<FacetValue>> facets,
        SearchIndex.Status index) {

    /** These results answering the same search again, from the searcher's cache. */
    SearchResults reused(long tookMicros, SearchIndex.Status index) {
        return new SearchResults(query, total, page, size, sort, tookMicros, true, relaxed, hits, facets, index);
    }

    public boolean hasNext() {
        return (long) page * size < total && (long) (page + 1) * size <= SearchRequest.MAX_DEPTH;
    }

    public long firstShown() {
        return hits.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastShown() {
        return (long) (page - 1) * size + hits.size();
    }

    public record Hit(
            String key,
            String title,
            String domain,
            String domainName,
            String status,
            String classification,
            String compliance,
            String version,
            String owner,
            Instant updatedAt,
            List<String> tags,
            List<Segment> snippet,
            List<MatchedColumn> matchedColumns) {

        public boolean deprecated() {
            return "deprecated".equals(status);
        }
    }

    /** A column whose name matched the words, with the table (schema object) that holds it. */
    public record MatchedColumn(String table, String name) {}

    /** A piece of a snippet; highlighted pieces are the words that matched. */
    public record Segment(String text, boolean highlighted) {}

    public record FacetValue(String value, String label, long count, boolean selected) {}
}
