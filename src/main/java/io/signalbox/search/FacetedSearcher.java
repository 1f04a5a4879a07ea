package io.signalbox.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher with the facet ordinals of its reader, computed once when the searcher is opened (on the indexer
 * thread after a refresh) rather than by the first search that needs them.
 */
final class FacetedSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facetState;

    FacetedSearcher(IndexReader reader) {
        super(reader);
        this.facetState = facetStateOf(reader);
    }

    /** Null while the index holds no document with facets. */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
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
