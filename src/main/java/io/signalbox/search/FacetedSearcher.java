package io.signalbox.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher with the facet ordinals of its reader, computed once when the searcher is opened (on the indexer
 * thread after a refresh) rather than by the first search that needs them. One search is split across the query
 * threads by groups of segments, so a broad query uses every core.
 */
final class FacetedSearcher extends IndexSearcher {

    /** Segments are grouped into slices of about this many documents, one task each. */
    private static final int DOCUMENTS_PER_SLICE = 20_000;

    private final SortedSetDocValuesReaderState facetState;
    private final ExecutorService queryThreads;
    private final ResultCache results;

    FacetedSearcher(IndexReader reader, ExecutorService queryThreads, int resultCacheSize) {
        super(reader, queryThreads);
        this.queryThreads = queryThreads;
        this.facetState = facetStateOf(reader);
        this.results = new ResultCache(resultCacheSize);
    }

    /**
     * Results of searches already answered by this searcher. They stay right for as long as the searcher lives: any
     * change to the index opens a new searcher with an empty cache.
     */
    ResultCache results() {
        return results;
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return slices(leaves, DOCUMENTS_PER_SLICE, 5);
    }

    /** Null while the index holds no document with facets. */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** The threads facet counting shares its work out to. */
    ExecutorService queryThreads() {
        return queryThreads;
    }

    private static SortedSetDocValuesReaderState facetStateOf(IndexReader reader) {
        if (reader.numDocs() == 0) {
            return null;
        }
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, ProductDocuments.FACETS);
        } catch (IllegalArgumentException e) {
            return null; // no facet field in this reader yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
