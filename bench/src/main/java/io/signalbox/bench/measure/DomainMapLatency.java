package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code map}: the domain map (issue 14: "map of 500 domains rendered ≤ 1 s"). The first {@code GET /api/domains/map}
 * is timed alone, since it lays the graph out with ELK (the portal keeps a layout until the graph changes); then
 * {@code rounds} times each the JSON (bearer token) and the page with its inline SVG (a signed-in session), one request
 * at a time. Reports the mesh's size (domains, edges, undeclared edges) from the JSON, the first request, latency
 * summaries and bytes.
 */
final class DomainMapLatency {

    private final Portal portal;
    private final String token;
    private final SignedInBrowser browser;
    private final int rounds;

    DomainMapLatency(Portal portal, String token, SignedInBrowser browser, int rounds) {
        this.portal = portal;
        this.token = token;
        this.browser = browser;
        this.rounds = rounds;
    }

    Map<String, Object> measure() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        long started = System.nanoTime();
        Portal.Answer first = portal.get("/api/domains/map", token).expect(200);
        result.put("firstJsonMillis", (first.receivedNanos() - started) / 1e6);
        JsonNode map = first.json();
        long undeclared = 0;
        for (JsonNode edge : map.path("edges")) {
            undeclared += edge.path("undeclared").asLong() > 0 ? 1 : 0;
        }
        result.put("domains", map.path("nodes").size());
        result.put("edges", map.path("edges").size());
        result.put("undeclaredEdges", undeclared);
        result.put(
                "drawingPixels",
                map.path("width").asLong() + "x" + map.path("height").asLong());
        result.put("jsonBytes", first.body().length());

        Histogram json = Latencies.histogram();
        Histogram page = Latencies.histogram();
        long pageBytes = 0;
        for (int i = 0; i < rounds; i++) {
            long before = System.nanoTime();
            Portal.Answer answer = portal.get("/api/domains/map", token).expect(200);
            Latencies.recordNanos(json, answer.receivedNanos() - before);
            before = System.nanoTime();
            HttpResponse<String> html = browser.client()
                    .send(
                            HttpRequest.newBuilder(portal.base().resolve(URI.create("/domains/map")))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Latencies.recordNanos(page, System.nanoTime() - before);
            if (html.statusCode() != 200 || !html.body().contains("<svg")) {
                throw new IllegalStateException(
                        "the map page answered " + html.statusCode() + ": " + Portal.shorten(html.body()));
            }
            pageBytes = html.body().length();
        }
        result.put("json", Latencies.summary(json));
        result.put("page", Latencies.summary(page));
        result.put("pageBytes", pageBytes);
        return result;
    }
}
