package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Readiness evidence (issue 14: "evidence for a domain with 1 000 products ≤ 200 ms"): {@code GET
 * /api/domains/{key}/readiness/evidence}, computed afresh on every request, for the domain with the most current
 * products and for the smallest domain that still has at least 1 000 (the size), one request at a time after
 * warm-up requests that are not counted. Reports each domain's product count, the latency and the levels it answered.
 */
final class EvidenceLatency {

    private static final int TARGET_PRODUCTS = 1_000;

    private final Portal portal;
    private final String token;

    EvidenceLatency(Portal portal, String token) {
        this.portal = portal;
        this.token = token;
    }

    Map<String, Object> measure(Connection connection, int warmups, int samples) throws SQLException {
        Map<String, Long> sizes = domainSizes(connection);
        if (sizes.isEmpty()) {
            throw new IllegalStateException("the catalog has no domain with products");
        }
        List<String> chosen = new ArrayList<>();
        chosen.add(sizes.keySet().iterator().next());
        sizes.entrySet().stream()
                .filter(e -> e.getValue() >= TARGET_PRODUCTS)
                .reduce((bigger, smaller) -> smaller) // ordered by size, largest first: the last is the smallest
                .map(Map.Entry::getKey)
                .filter(key -> !chosen.contains(key))
                .ifPresent(chosen::add);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("warmups", warmups);
        result.put("samples", samples);
        List<Map<String, Object>> domains = new ArrayList<>();
        for (String key : chosen) {
            String path = "/api/domains/" + key + "/readiness/evidence";
            Histogram latency = Latencies.histogram();
            JsonNode last = null;
            for (int i = 0; i < warmups + samples; i++) {
                long started = System.nanoTime();
                Portal.Answer answer = portal.get(path, token).expect(200);
                if (i >= warmups) {
                    Latencies.recordNanos(latency, answer.receivedNanos() - started);
                }
                last = answer.json();
            }
            Map<String, Object> domain = new LinkedHashMap<>();
            domain.put("domain", key);
            domain.put("products", sizes.get(key));
            domain.put("latency", Latencies.summary(latency));
            domain.put("p95Millis", Latencies.millis(latency.getValueAtPercentile(95)));
            Map<String, Object> levels = new LinkedHashMap<>();
            for (JsonNode criterion : last.path("criteria")) {
                levels.put(
                        criterion.path("criterion").asText(),
                        criterion.path("level").asText(null));
            }
            domain.put("levels", levels);
            domains.add(domain);
        }
        result.put("domains", domains);
        return result;
    }

    /** Current (not retired) products per domain, largest first. */
    private static Map<String, Long> domainSizes(Connection connection) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select d.key, count(*) from domain d"
                        + " join data_product p on p.domain_id = d.id"
                        + " where p.current_version_id is not null and p.status <> 'retired'"
                        + " group by d.key order by count(*) desc, d.key")) {
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sizes;
    }
}
