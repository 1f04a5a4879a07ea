package io.signalbox.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used search results of one searcher. Analysts ask the same few things over and over (the empty
 * search, "customer", "invoice"), and those broad searches are the expensive ones: each scores and counts facets
 * over tens of thousands of products. A size of 0 turns caching off.
 */
final class ResultCache {

    private final int capacity;
    private final Map<SearchRequest, SearchResults> entries;

    ResultCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResults> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    SearchResults get(SearchRequest request) {
        if (capacity == 0) {
            return null;
        }
        synchronized (entries) {
            return entries.get(request);
        }
    }

    void put(SearchRequest request, SearchResults results) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(request, results);
        }
    }
}
