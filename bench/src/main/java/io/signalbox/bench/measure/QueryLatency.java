package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.bench.measure.QuerySet.Kind;
import io.signalbox.bench.measure.QuerySet.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * (c) Query time: the query set sent one at a time to {@code GET /api/search}, after warm-up rounds that are not
 * counted. Two figures per query: {@code tookMicros}, the portal's own measurement of the Lucene part (parsing,
 * searching, facet counting), and the end-to-end time of the HTTP exchange as this client saw it. Every request
 * asks for a fresh answer ({@code Cache-Control: no-cache}), so that each one is searched, never taken from the
 * portal's result cache.
 */
final class QueryLatency {

    private final Portal portal;
    private final String token;
    private final QuerySet queries;

    QueryLatency(Portal portal, String token, QuerySet queries) {
        this.portal = portal;
        this.token = token;
        this.queries = queries;
    }

    Map<String, Object> measure(int warmupRounds, int rounds, long seed) {
        Map<Kind, Histogram> lucene = new EnumMap<>(Kind.class);
        Map<Kind, Histogram> http = new EnumMap<>(Kind.class);
        Map<Kind, List<String>> zeroHits = new EnumMap<>(Kind.class);
        Map<Kind, Long> hits = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            lucene.put(kind, Latencies.histogram());
            http.put(kind, Latencies.histogram());
            zeroHits.put(kind, new ArrayList<>());
            hits.put(kind, 0L);
        }
        Set<String> statesSeen = new HashSet<>();
        List<Query> order = new ArrayList<>(queries.all());
        Random shuffle = new Random(seed);
        for (int round = 0; round < warmupRounds + rounds; round++) {
            // A new order each round, so that no query always follows the same one (and its cached blocks).
            Collections.shuffle(order, shuffle);
            for (Query query : order) {
                long started = System.nanoTime();
                Portal.Answer answer = portal.getFresh(query.apiPath(), token).expect(200);
                long elapsed = answer.receivedNanos() - started;
                JsonNode result = answer.json();
                if (result.path("cached").asBoolean()) {
                    throw new IllegalStateException("the portal answered from its cache although asked not to");
                }
                if (round < warmupRounds) {
                    continue;
                }
                lucene.get(query.kind()).recordValue(result.path("tookMicros").asLong());
                Latencies.recordNanos(http.get(query.kind()), elapsed);
                statesSeen.add(RebuildTime.state(result.path("index")));
                long total = result.path("total").asLong();
                if (round == warmupRounds) {
                    hits.merge(query.kind(), total, Long::sum);
                    if (total == 0) {
                        zeroHits.get(query.kind()).add(query.text());
                    }
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("queriesPerKind", queries.all().size() / Kind.values().length);
        result.put("rounds", rounds);
        result.put("warmupRounds", warmupRounds);
        result.put("indexStatesSeen", statesSeen);
        Map<String, Object> luceneByKind = new LinkedHashMap<>();
        Map<String, Object> httpByKind = new LinkedHashMap<>();
        Map<String, Object> matches = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            luceneByKind.put(kind.label(), Latencies.summary(lucene.get(kind)));
            httpByKind.put(kind.label(), Latencies.summary(http.get(kind)));
            int perKind = queries.all().size() / Kind.values().length;
            matches.put(
                    kind.label(),
                    Map.of(
                            "meanTotal",
                            perKind == 0 ? 0 : hits.get(kind) / perKind,
                            "zeroHitQueries",
                            zeroHits.get(kind).size(),
                            "zeroHitExamples",
                            zeroHits.get(kind).stream()
                                    .distinct()
                                    .sorted()
                                    .limit(5)
                                    .toList()));
        }
        luceneByKind.put("all", Latencies.summary(Latencies.merged(lucene.values())));
        httpByKind.put("all", Latencies.summary(Latencies.merged(http.values())));
        result.put("luceneTook", luceneByKind);
        result.put("http", httpByKind);
        result.put("matches", matches);
        return result;
    }
}
