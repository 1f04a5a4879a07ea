package io.signalbox.bench.measure;

import io.signalbox.bench.measure.QuerySet.Kind;
import io.signalbox.bench.measure.QuerySet.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * (e) The alternative a team would reach for first: PostgreSQL full-text search over the same catalog, with the same
 * query set. The bench builds what such a team would build, in a schema of its own ({@code bench}) that the portal
 * never reads: one row per product with a weighted {@code tsvector} of its current version (title A; tags, team and
 * owner B; purpose C; column names and descriptions D) under a GIN index. Queries go through
 * {@code websearch_to_tsquery}, which reads "quoted phrases" as phrases; plain words must all match; a misspelt word
 * matches nothing, since full-text search has no fuzzy matching (pg_trgm would be a second index and query).
 */
final class PostgresFullText {

    private static final String BUILD = """
            drop table if exists bench.search_document;
            create table bench.search_document as
            select p.id as product_id, d.key as domain_key, v.classification, p.status,
                   setweight(to_tsvector('english', v.title), 'A')
                   || setweight(to_tsvector('english', concat_ws(' ',
                        (select string_agg(t, ' ') from jsonb_array_elements_text(v.tags) t),
                        v.team_name, v.owner_name)), 'B')
                   || setweight(to_tsvector('english', v.purpose), 'C')
                   || setweight(to_tsvector('english', coalesce(c.text, '')), 'D') as document
            from data_product p
            join domain d on d.id = p.domain_id
            join product_version v on v.id = p.current_version_id
            left join lateral (select string_agg(replace(s.name, '_', ' ') || ' ' || coalesce(s.description, ''), ' ')
                               as text
                               from schema_column s where s.version_id = v.id) c on true;
            create index search_document_gin on bench.search_document using gin (document);
            create index search_document_facets on bench.search_document (domain_key, classification);
            analyze bench.search_document;
            """;

    /** The twenty best, as the portal's first page shows them. */
    private static final String TOP = "select s.product_id, ts_rank(s.document, q) as rank"
            + " from bench.search_document s, websearch_to_tsquery('english', ?) q where s.document @@ q%s"
            + " order by rank desc limit 20";
    /** What the portal's facets show: how many matches per domain and per classification. */
    private static final String FACETS = "select s.domain_key, s.classification, count(*)"
            + " from bench.search_document s, websearch_to_tsquery('english', ?) q where s.document @@ q%s"
            + " group by s.domain_key, s.classification";

    private static final String FILTERS = " and s.domain_key = ? and s.classification = ?";

    private final Connection connection;
    private final QuerySet queries;

    PostgresFullText(Connection connection, QuerySet queries) {
        this.connection = connection;
        this.queries = queries;
    }

    Map<String, Object> measure(int warmupRounds, int rounds, long seed) throws SQLException {
        long buildStarted = System.nanoTime();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists bench");
            statement.execute(BUILD);
        }
        long buildMillis = (System.nanoTime() - buildStarted) / 1_000_000;

        Map<Kind, Histogram> top = new EnumMap<>(Kind.class);
        Map<Kind, Histogram> withFacets = new EnumMap<>(Kind.class);
        Map<Kind, Integer> zeroHits = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            top.put(kind, Latencies.histogram());
            withFacets.put(kind, Latencies.histogram());
            zeroHits.put(kind, 0);
        }
        List<Query> order = new ArrayList<>(queries.all());
        Random shuffle = new Random(seed);
        try (PreparedStatement plainTop = connection.prepareStatement(TOP.formatted(""));
                PreparedStatement filteredTop = connection.prepareStatement(TOP.formatted(FILTERS));
                PreparedStatement plainFacets = connection.prepareStatement(FACETS.formatted(""));
                PreparedStatement filteredFacets = connection.prepareStatement(FACETS.formatted(FILTERS))) {
            for (int round = 0; round < warmupRounds + rounds; round++) {
                Collections.shuffle(order, shuffle);
                for (Query query : order) {
                    boolean filtered = query.domain() != null;
                    long started = System.nanoTime();
                    int found = run(filtered ? filteredTop : plainTop, query);
                    long topDone = System.nanoTime();
                    run(filtered ? filteredFacets : plainFacets, query);
                    long facetsDone = System.nanoTime();
                    if (round < warmupRounds) {
                        continue;
                    }
                    Latencies.recordNanos(top.get(query.kind()), topDone - started);
                    Latencies.recordNanos(withFacets.get(query.kind()), facetsDone - started);
                    if (round == warmupRounds && found == 0) {
                        zeroHits.merge(query.kind(), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("buildMillis", buildMillis);
        result.put("rounds", rounds);
        Map<String, Object> topByKind = new LinkedHashMap<>();
        Map<String, Object> facetsByKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            topByKind.put(kind.label(), Latencies.summary(top.get(kind)));
            facetsByKind.put(kind.label(), Latencies.summary(withFacets.get(kind)));
        }
        topByKind.put("all", Latencies.summary(Latencies.merged(top.values())));
        facetsByKind.put("all", Latencies.summary(Latencies.merged(withFacets.values())));
        result.put("top20", topByKind);
        result.put("top20AndFacetCounts", facetsByKind);
        Map<String, Object> zero = new LinkedHashMap<>();
        zeroHits.forEach((kind, count) -> zero.put(kind.label(), count));
        result.put("zeroHitQueries", zero);
        return result;
    }

    /** Runs one query and reads all its rows, as a page would; returns how many rows came back. */
    private static int run(PreparedStatement statement, Query query) throws SQLException {
        statement.setString(1, query.text());
        if (query.domain() != null) {
            statement.setString(2, query.domain());
            statement.setString(3, query.classification());
        }
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }
}
