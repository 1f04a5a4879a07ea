package io.signalbox.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.signalbox.search.ProductDocuments.Facet;
import io.signalbox.search.SearchRequest.Order;
import io.signalbox.search.SearchRequest.Parsed;
import io.signalbox.search.SearchResults.FacetValue;
import io.signalbox.search.SearchResults.Hit;
import io.signalbox.search.SearchResults.MatchedColumn;
import io.signalbox.search.SearchResults.Segment;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns what a person typed into a Lucene query and a page of results. Never hands user text to a query parser:
 * words are analysed and combined here, so no input has a syntax to get wrong.
 *
 * <p>Ranking, strongest first: the text equals a product's key or title (ignoring case and punctuation); words in the
 * title or key; in tags and canonical entities; in column names; in descriptions. Every word must match somewhere
 * (exactly, stemmed, through a synonym, with a small typo, or as the prefix being typed); if nothing matches all
 * words, products matching some are shown and the page says so. Deprecated products sink below live ones.
 */
@ApplicationScoped
public class CatalogSearch {

    private static final Map<String, Float> WORD_FIELDS = fieldBoosts();
    private static final Map<String, Float> PHRASE_FIELDS = Map.of(
            ProductDocuments.TITLE, 8f,
            ProductDocuments.TAGS, 4f,
            ProductDocuments.COLUMNS, 2f,
            ProductDocuments.DESCRIPTION, 1f);
    private static final float EXACT_BOOST = 10_000f;
    /** A typed identifier equal to one of a product's (a column, a port's location, its id) outranks every word match. */
    private static final float WHOLE_IDENTIFIER_BOOST = 1_000f;

    private static final float SYNONYM_WEIGHT = 0.8f;
    private static final float TYPO_WEIGHT = 1.5f;
    private static final float PREFIX_WEIGHT = 2f;
    private static final List<String> LIVE_STATUSES = List.of("published", "draft", "deprecated");
    private static final char MARK_START = '\uE000';
    private static final char MARK_END = '\uE001';
    private static final int FACET_VALUES = 12;

    @Inject
    SearchIndex index;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "signalbox.search.synonyms-file")
    Optional<Path> synonymsFile;

    private Synonyms synonyms;

    private static Map<String, Float> fieldBoosts() {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put(ProductDocuments.TITLE, 8f);
        boosts.put(ProductDocuments.TAGS, 4f);
        boosts.put(ProductDocuments.DOMAIN_WORDS, 3f);
        boosts.put(ProductDocuments.COLUMNS, 2f);
        boosts.put(ProductDocuments.IDENTIFIERS, 2f);
        boosts.put(ProductDocuments.DESCRIPTION, 1f);
        return boosts;
    }

    @PostConstruct
    void loadSynonyms() {
        synonyms = Synonyms.load(synonymsFile);
    }

    public SearchResults search(SearchRequest request) {
        return search(request, true);
    }

    /**
     * Searches, or answers from the results the current searcher already found for the same request unless asked
     * for fresh ones (a client's "Cache-Control: no-cache"). Either way the answer reflects the index as it is.
     */
    public SearchResults search(SearchRequest request, boolean reuse) {
        long started = System.nanoTime();
        SearchResults results = searchTimed(request, reuse, started);
        // Prometheus: signalbox_search_seconds{answer}; a reused answer costs microseconds and is told apart.
        metrics.timer("signalbox.search", "answer", results.cached() ? "reused" : "searched")
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return results;
    }

    private SearchResults searchTimed(SearchRequest request, boolean reuse, long started) {
        try (SearchIndex.Searcher lease = index.acquire()) {
            if (lease == null) {
                return nothing(request, started);
            }
            FacetedSearcher searcher = lease.searcher();
            SearchResults known = reuse ? searcher.results().get(request) : null;
            if (known != null) {
                return known.reused(micros(started), index.status());
            }
            SearchResults found = search(searcher, request, started);
            searcher.results().put(request, found);
            return found;
        } catch (IOException e) {
            return damaged(request, started, e);
        } catch (UncheckedIOException e) {
            return damaged(request, started, e);
        }
    }

    private SearchResults search(FacetedSearcher searcher, SearchRequest request, long started) throws IOException {
        Parsed parsed = request.parsed();
        Query strict = textQuery(request, parsed, Matching.STRICT, searcher.getIndexReader());
        Outcome outcome = run(searcher, request, strict);
        boolean relaxed = false;
        if (outcome.hits.totalHits.value == 0
                && parsed.words().size() + parsed.phrases().size() > 1) {
            outcome = run(searcher, request, textQuery(request, parsed, Matching.RELAXED, searcher.getIndexReader()));
            relaxed = outcome.hits.totalHits.value > 0;
        }
        List<Hit> hits = hits(searcher, request, parsed, outcome);
        return new SearchResults(
                request.text(),
                outcome.hits.totalHits.value,
                request.page(),
                request.size(),
                effectiveOrder(request).label(),
                micros(started),
                false,
                relaxed,
                hits,
                facets(outcome.facets, request, searcher.facetState()),
                index.status());
    }

    /** Whether a request's Cache-Control header lets it be answered with results found before (a hard reload does not). */
    static boolean mayReuse(String cacheControl) {
        return cacheControl == null || !cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /** A damaged index answers "nothing yet" with the reason on the status line, and rebuilds, never a 500. */
    private SearchResults damaged(SearchRequest request, long started, Exception damage) {
        index.reportDamage(damage);
        return nothing(request, started);
    }

    /** No results, with the index's status saying why. */
    private SearchResults nothing(SearchRequest request, long started) {
        return new SearchResults(
                request.text(),
                0,
                request.page(),
                request.size(),
                request.order().label(),
                micros(started),
                false,
                false,
                List.of(),
                Map.of(),
                index.status());
    }

    /** Products, tags and canonical entities whose names start with what is being typed, for the search box. */
    public Suggestions suggest(String typed, int limit) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > 100) {
            return new Suggestions(List.of(), List.of(), List.of());
        }
        try (SearchIndex.Searcher lease = index.acquire()) {
            if (lease == null) {
                return new Suggestions(List.of(), List.of(), List.of());
            }
            FacetedSearcher searcher = lease.searcher();
            List<String> tokens = tokens(Analysis.PLAIN, ProductDocuments.PLAIN, text);
            if (tokens.isEmpty()) {
                return new Suggestions(List.of(), List.of(), List.of());
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (int i = 0; i < tokens.size(); i++) {
                Term term = new Term(ProductDocuments.PLAIN, tokens.get(i));
                query.add(
                        i == tokens.size() - 1 ? new PrefixQuery(term) : new TermQuery(term), BooleanClause.Occur.MUST);
            }
            query.add(
                    new BoostQuery(
                            new ConstantScoreQuery(
                                    new TermQuery(new Term(ProductDocuments.EXACT, Analysis.exactForm(text)))),
                            EXACT_BOOST),
                    BooleanClause.Occur.SHOULD);
            DrillDownQuery live = new DrillDownQuery(ProductDocuments.FACETS, livenessWeighted(query.build()));
            LIVE_STATUSES.forEach(status -> live.add(Facet.STATUS.dimension, status));
            List<Suggestions.Product> products = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(live, limit).scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                products.add(new Suggestions.Product(
                        doc.get(ProductDocuments.KEY),
                        doc.get(ProductDocuments.TITLE),
                        doc.get(ProductDocuments.DOMAIN_NAME)));
            }
            String lowered = text.toLowerCase(Locale.ROOT);
            return new Suggestions(
                    products,
                    facetValuesStartingWith(searcher.facetState(), Facet.TAG, lowered, limit),
                    facetValuesStartingWith(searcher.facetState(), Facet.ENTITY, lowered, limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Suggestions(List<Product> products, List<String> tags, List<String> entities) {
        public record Product(String key, String title, String domainName) {}
    }

    // ---- query ----

    /** Every word must match; some words may match; or only what the description highlighter can show. */
    private enum Matching {
        STRICT,
        RELAXED,
        HIGHLIGHT
    }

    private Query textQuery(SearchRequest request, Parsed parsed, Matching matching, IndexReader reader)
            throws IOException {
        boolean relaxed = matching != Matching.STRICT;
        if (parsed.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        BooleanClause.Occur each = relaxed ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST;
        int clauses = 0;
        List<String> words = parsed.words();
        List<Query> wholeIdentifiers = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (Analysis.isCompoundIdentifier(word)) {
                wholeIdentifiers.add(new BoostQuery(
                        new ConstantScoreQuery(
                                new TermQuery(new Term(ProductDocuments.WHOLE_IDENTIFIER, Analysis.exactForm(word)))),
                        WHOLE_IDENTIFIER_BOOST));
            }
            List<String> units = units(word);
            for (int u = 0; u < units.size(); u++) {
                boolean typing = parsed.lastWordIsPrefix() && w == words.size() - 1 && u == units.size() - 1;
                Query unit = wordQuery(units.get(u), typing, matching == Matching.HIGHLIGHT ? null : reader);
                if (unit != null) {
                    all.add(unit, each);
                    clauses++;
                }
            }
        }
        for (String phrase : parsed.phrases()) {
            Query query = phraseQuery(phrase);
            if (query != null) {
                all.add(query, each);
                clauses++;
            }
        }
        if (clauses == 0) {
            // Only stop words ("the", "of"): match them as written.
            for (String unit : tokens(Analysis.PLAIN, ProductDocuments.PLAIN, request.text())) {
                all.add(new TermQuery(new Term(ProductDocuments.PLAIN, unit)), BooleanClause.Occur.SHOULD);
            }
        }
        Query text = all.build();
        String exact = Analysis.exactForm(request.text());
        if (exact.isEmpty() && wholeIdentifiers.isEmpty()) {
            return livenessWeighted(text);
        }
        // A product's whole name or identifier typed as one (even without separators) finds it and ranks it first.
        BooleanQuery.Builder combined = new BooleanQuery.Builder().add(text, BooleanClause.Occur.SHOULD);
        if (!exact.isEmpty()) {
            combined.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new TermQuery(new Term(ProductDocuments.EXACT, exact))),
                            EXACT_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        wholeIdentifiers.forEach(whole -> combined.add(whole, BooleanClause.Occur.SHOULD));
        return livenessWeighted(combined.build());
    }

    /** The words of one typed word: split at {@code _ . -} and case changes ({@code chargeType} → charge, type). */
    private static List<String> units(String word) {
        return tokens(Analysis.PLAIN, ProductDocuments.PLAIN, Analysis.splitAtCaseChanges(word));
    }

    /**
     * One typed word: in any field, stemmed, through synonyms, with a typo, or as a prefix while typing. Typos and
     * prefixes are only considered for words the index does not know, in any searched field: a word that exists is not
     * misspelt, so a product that contains it is never outranked by one reached through a typo ("free" is not "fee"),
     * and building the automaton of an edit-distance match is the most expensive part of a query. Without a reader
     * (for highlighting the description) only exact and synonym matches count.
     */
    private Query wordQuery(String word, boolean typing, IndexReader reader) throws IOException {
        List<Query> alternatives = new ArrayList<>();
        String stem = stem(word);
        if (stem != null) {
            WORD_FIELDS.forEach(
                    (field, boost) -> alternatives.add(new BoostQuery(new TermQuery(new Term(field, stem)), boost)));
        }
        for (String synonym : synonyms.of(word)) {
            Query phrase = phraseQuery(synonym);
            if (phrase != null) {
                alternatives.add(new BoostQuery(phrase, SYNONYM_WEIGHT));
            }
        }
        if (reader == null) {
            return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
        }
        int codePoints = word.codePointCount(0, word.length());
        boolean unknown = !known(reader, word, stem);
        if (codePoints >= 4 && unknown) {
            int edits = codePoints >= 8 ? 2 : 1;
            alternatives.add(new BoostQuery(
                    new FuzzyQuery(new Term(ProductDocuments.PLAIN, word), edits, 1, 50, true), TYPO_WEIGHT));
        }
        if (typing && codePoints >= 2 && unknown) {
            alternatives.add(new BoostQuery(new PrefixQuery(new Term(ProductDocuments.PLAIN, word)), PREFIX_WEIGHT));
        }
        if (alternatives.isEmpty()) {
            return null; // a stop word
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    private static boolean known(IndexReader reader, String word, String stem) throws IOException {
        if (reader.docFreq(new Term(ProductDocuments.PLAIN, word)) > 0) {
            return true;
        }
        if (stem != null) {
            for (String field : WORD_FIELDS.keySet()) {
                if (reader.docFreq(new Term(field, stem)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Query phraseQuery(String phrase) {
        QueryBuilder builder = new QueryBuilder(Analysis.ENGLISH);
        List<Query> fields = new ArrayList<>();
        PHRASE_FIELDS.forEach((field, boost) -> {
            Query query = builder.createPhraseQuery(field, phrase);
            if (query != null) {
                fields.add(new BoostQuery(query, boost));
            }
        });
        return fields.isEmpty() ? null : new DisjunctionMaxQuery(fields, 0.1f);
    }

    /** Deprecated and draft products score lower than live ones of the same relevance. */
    private static Query livenessWeighted(Query query) {
        return FunctionScoreQuery.boostByValue(query, DoubleValuesSource.fromLongField(ProductDocuments.LIVENESS));
    }

    private static String stem(String word) {
        List<String> stems = tokens(Analysis.ENGLISH, ProductDocuments.DESCRIPTION, word);
        return stems.isEmpty() ? null : stems.get(0);
    }

    static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    // ---- running ----

    private record Outcome(TopDocs hits, Facets facets) {}

    /**
     * Without filters one pass collects hits and facet counts. With filters, drill-sideways counts each filtered
     * facet as if its own filter were not set, so the other values stay visible with honest counts. Retired products
     * are filtered out unless the status facet asks for them.
     */
    private Outcome run(FacetedSearcher searcher, SearchRequest request, Query text) throws IOException {
        Query base = text;
        if (request.filter(Facet.STATUS).isEmpty()) {
            DrillDownQuery live = new DrillDownQuery(ProductDocuments.FACETS);
            LIVE_STATUSES.forEach(status -> live.add(Facet.STATUS.dimension, status));
            base = new BooleanQuery.Builder()
                    .add(text, BooleanClause.Occur.MUST)
                    .add(live, BooleanClause.Occur.FILTER)
                    .build();
        }
        int depth = request.page() * request.size();
        SortedSetDocValuesReaderState state = searcher.facetState();
        if (state == null) {
            return new Outcome(searcher.search(base, depth, sort(request), true), null);
        }
        if (!request.filtered()) {
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(
                    searcher, base, depth, sort(request), true, new FacetsCollectorManager());
            return new Outcome(result.topDocs(), countFacets(searcher, state, result.facetsCollector()));
        }
        DrillDownQuery query = new DrillDownQuery(ProductDocuments.FACETS, base);
        for (Facet facet : Facet.values()) {
            for (String value : request.filter(facet)) {
                query.add(facet.dimension, value);
            }
        }
        DrillSideways.DrillSidewaysResult result = new DrillSideways(searcher, ProductDocuments.FACETS, state)
                .search(query, null, null, depth, sort(request), true);
        return new Outcome(result.hits, result.facets);
    }

    /** Counting facets is a large share of a broad search; the query threads share it by segment. */
    private static Facets countFacets(
            FacetedSearcher searcher, SortedSetDocValuesReaderState state, FacetsCollector matches) throws IOException {
        try {
            return new ConcurrentSortedSetDocValuesFacetCounts(state, matches, searcher.queryThreads());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while counting facets", e);
        }
    }

    private static Order effectiveOrder(SearchRequest request) {
        return request.order() == Order.RELEVANCE && !request.hasText() ? Order.NAME : request.order();
    }

    private static Sort sort(SearchRequest request) {
        SortField tieBreak = new SortField(ProductDocuments.ID_SORT, SortField.Type.LONG);
        return switch (effectiveOrder(request)) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, tieBreak);
            case UPDATED -> new Sort(new SortField(ProductDocuments.UPDATED, SortField.Type.LONG, true), tieBreak);
            case NAME -> new Sort(new SortField(ProductDocuments.NAME_SORT, SortField.Type.STRING), tieBreak);
        };
    }

    private List<Hit> hits(FacetedSearcher searcher, SearchRequest request, Parsed parsed, Outcome outcome)
            throws IOException {
        ScoreDoc[] all = outcome.hits.scoreDocs;
        int from = Math.min(all.length, (request.page() - 1) * request.size());
        ScoreDoc[] shown = Arrays.copyOfRange(all, from, all.length);
        if (shown.length == 0) {
            return List.of();
        }
        int[] docIds = Arrays.stream(shown).mapToInt(d -> d.doc).toArray();
        String[] snippets = new String[docIds.length];
        if (request.hasText()) {
            Query highlightQuery = textQuery(request, parsed, Matching.HIGHLIGHT, searcher.getIndexReader());
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Analysis.perField())
                    .withFormatter(new MarkingFormatter())
                    .withMaxLength(10_000)
                    .withMaxNoHighlightPassages(1)
                    .build();
            snippets = highlighter
                    .highlightFields(new String[] {ProductDocuments.DESCRIPTION}, highlightQuery, docIds, new int[] {1})
                    .get(ProductDocuments.DESCRIPTION);
        }
        ColumnMatcher columns = new ColumnMatcher(parsed, synonyms);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < docIds.length; i++) {
            Document doc = searcher.storedFields().document(docIds[i]);
            String snippet = snippets[i] != null ? snippets[i] : doc.get(ProductDocuments.PURPOSE);
            hits.add(new Hit(
                    doc.get(ProductDocuments.KEY),
                    doc.get(ProductDocuments.TITLE),
                    doc.get(Facet.DOMAIN.dimension + "_key"),
                    doc.get(ProductDocuments.DOMAIN_NAME),
                    doc.get(ProductDocuments.STATUS),
                    emptyToNull(doc.get(ProductDocuments.CLASSIFICATION)),
                    emptyToNull(doc.get(ProductDocuments.COMPLIANCE)),
                    doc.get(ProductDocuments.VERSION),
                    emptyToNull(doc.get(ProductDocuments.OWNER)),
                    Instant.ofEpochMilli(doc.getField(ProductDocuments.UPDATED)
                            .numericValue()
                            .longValue()),
                    Arrays.asList(doc.getValues(ProductDocuments.TAGS)),
                    segments(snippet),
                    request.hasText() ? columns.matching(doc.getValues(ProductDocuments.COLUMN_REFS)) : List.of()));
        }
        return hits;
    }

    private static Map<String, List<FacetValue>> facets(
            Facets facets, SearchRequest request, SortedSetDocValuesReaderState state) throws IOException {
        Map<String, List<FacetValue>> result = new LinkedHashMap<>();
        if (facets == null || state == null) {
            return result;
        }
        for (Facet facet : Facet.values()) {
            List<String> selected = request.filter(facet);
            Map<String, FacetValue> values = new LinkedHashMap<>();
            FacetResult top = state.getPrefixToOrdRange().containsKey(facet.dimension)
                    ? facets.getTopChildren(FACET_VALUES, facet.dimension)
                    : null;
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    values.put(
                            lv.label,
                            new FacetValue(lv.label, lv.label, lv.value.longValue(), selected.contains(lv.label)));
                }
            }
            for (String chosen : selected) {
                if (!values.containsKey(chosen)) {
                    Number count = top == null ? 0 : facets.getSpecificValue(facet.dimension, chosen);
                    values.put(chosen, new FacetValue(chosen, chosen, Math.max(0, count.longValue()), true));
                }
            }
            result.put(facet.dimension, List.copyOf(values.values()));
        }
        return result;
    }

    private static List<String> facetValuesStartingWith(
            SortedSetDocValuesReaderState state, Facet facet, String typed, int limit) throws IOException {
        if (state == null || !state.getPrefixToOrdRange().containsKey(facet.dimension)) {
            return List.of();
        }
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(facet.dimension);
        var values = state.getDocValues();
        List<String> found = new ArrayList<>();
        for (int ord = range.start; ord <= range.end && found.size() < limit; ord++) {
            BytesRef path = values.lookupOrd(ord);
            String[] parts = FacetsConfig.stringToPath(path.utf8ToString());
            String value = parts[parts.length - 1];
            if (value.toLowerCase(Locale.ROOT).startsWith(typed)) {
                found.add(value);
            }
        }
        return found;
    }

    // ---- snippets ----

    /** Marks matches with private-use characters that {@link #segments} turns into highlighted pieces. */
    private static final class MarkingFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder text = new StringBuilder();
            for (Passage passage : passages) {
                int position = passage.getStartOffset();
                for (int m = 0; m < passage.getNumMatches(); m++) {
                    int start = Math.max(position, passage.getMatchStarts()[m]);
                    int end = passage.getMatchEnds()[m];
                    if (start >= end) {
                        continue;
                    }
                    text.append(clean(content.substring(position, start)))
                            .append(MARK_START)
                            .append(clean(content.substring(start, end)))
                            .append(MARK_END);
                    position = end;
                }
                text.append(clean(content.substring(position, passage.getEndOffset())));
            }
            return text.toString();
        }

        private static String clean(String text) {
            return text.replace(MARK_START, ' ').replace(MARK_END, ' ');
        }
    }

    static List<Segment> segments(String marked) {
        if (marked == null || marked.isBlank()) {
            return List.of();
        }
        String text = marked.strip();
        if (text.length() > 320) {
            int cut = text.lastIndexOf(' ', 300);
            text = text.substring(0, cut > 200 ? cut : 300) + " …";
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean highlighted = false;
        for (char c : text.toCharArray()) {
            if (c == MARK_START || c == MARK_END) {
                if (piece.length() > 0) {
                    segments.add(new Segment(piece.toString(), highlighted));
                    piece.setLength(0);
                }
                highlighted = c == MARK_START;
            } else {
                piece.append(c);
            }
        }
        if (piece.length() > 0) {
            segments.add(new Segment(piece.toString(), highlighted));
        }
        return segments;
    }

    /**
     * Which of a product's columns a query matched, so the result can say "matching column customer_email in
     * customers". A column matches a typed word when it is that word whole ({@code customerEmail} is
     * {@code customer_email}), or when each of the word's parts matches one of the column's parts: exactly, stemmed,
     * through a synonym, with a small typo, or as the prefix being typed. So {@code customer_contact_phone} lists that
     * column, not every column about customers.
     */
    private static final class ColumnMatcher {
        private final Set<String> wholes = new LinkedHashSet<>();
        private final List<List<Unit>> words = new ArrayList<>();

        /** One part of a typed word, with its stems and its synonyms' stems. */
        private record Unit(String text, Set<String> stems, boolean prefix) {

            boolean matches(String token) {
                if (token.equals(text) || (prefix && text.length() >= 2 && token.startsWith(text))) {
                    return true;
                }
                if (text.charAt(0) != token.charAt(0)) {
                    return false;
                }
                int length = text.codePointCount(0, text.length());
                int allowed = length >= 8 ? 2 : length >= 4 ? 1 : 0;
                if (allowed > 0 && Typos.withinEdits(text, token, allowed)) {
                    return true;
                }
                String stem = stem(token);
                return stem != null && stems.contains(stem);
            }
        }

        ColumnMatcher(Parsed parsed, Synonyms synonyms) {
            List<String> typed = parsed.words();
            for (int w = 0; w < typed.size(); w++) {
                String word = typed.get(w);
                wholes.add(Analysis.exactForm(word));
                List<String> parts = units(word);
                List<Unit> units = new ArrayList<>();
                for (int u = 0; u < parts.size(); u++) {
                    boolean prefix = parsed.lastWordIsPrefix() && w == typed.size() - 1 && u == parts.size() - 1;
                    units.add(unit(parts.get(u), prefix, synonyms));
                }
                if (!units.isEmpty()) {
                    words.add(units);
                }
            }
            // A phrase's words count one by one, as before any phrase was checked.
            for (String phrase : parsed.phrases()) {
                for (String part : tokens(Analysis.PLAIN, ProductDocuments.PLAIN, phrase)) {
                    words.add(List.of(unit(part, false, synonyms)));
                }
            }
            wholes.remove("");
        }

        private static Unit unit(String text, boolean prefix, Synonyms synonyms) {
            Set<String> stems = new LinkedHashSet<>();
            Optional.ofNullable(stem(text)).ifPresent(stems::add);
            for (String synonym : synonyms.of(text)) {
                stems.addAll(tokens(Analysis.ENGLISH, ProductDocuments.DESCRIPTION, synonym));
            }
            return new Unit(text, stems, prefix);
        }

        /** The matching columns among a product's stored references, each once, at most five. */
        List<MatchedColumn> matching(String[] references) {
            Set<MatchedColumn> matched = new LinkedHashSet<>();
            for (String reference : references) {
                if (matched.size() == 5) {
                    break;
                }
                int separator = reference.indexOf(ProductDocuments.COLUMN_REF_SEPARATOR);
                String table = separator < 0 ? "" : reference.substring(0, separator);
                String column = reference.substring(separator + 1);
                if (matches(column)) {
                    matched.add(new MatchedColumn(table.isEmpty() ? null : table, column));
                }
            }
            return List.copyOf(matched);
        }

        private boolean matches(String column) {
            if (wholes.contains(Analysis.exactForm(column))) {
                return true;
            }
            List<String> tokens = Analysis.identifierParts(
                    Normalizer.normalize(column, Normalizer.Form.NFKD).replaceAll("\\p{M}+", ""));
            if (tokens.isEmpty()) {
                return false;
            }
            for (List<Unit> word : words) {
                if (word.stream().allMatch(unit -> tokens.stream().anyMatch(unit::matches))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long micros(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000;
    }
}
