package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * (b) Publish-to-searchable latency: a domain owner publishes a new product with a title no other product has, then
 * searches for that title until the product is among the hits. The latency runs from the start of the publish request
 * to the arrival of the first search answer that shows it, so it includes the publication itself (one PostgreSQL
 * transaction) and the index's refresh; its resolution is the polling interval plus one search.
 */
final class PublishLatency {

    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** Between publications, so that each waits for its own refresh rather than riding on the previous one's. */
    private static final Duration PAUSE = Duration.ofMillis(100);

    private final Portal portal;
    private final Tokens tokens;
    private final Tokens.Person owner;
    private final String domain;
    private final String run;

    PublishLatency(Portal portal, Tokens tokens, Tokens.Person owner, String domain) {
        this.portal = portal;
        this.tokens = tokens;
        this.owner = owner;
        this.domain = domain;
        // Unique per run, so that the bench can publish again into the same catalog.
        this.run = UUID.randomUUID().toString().substring(0, 6);
    }

    Map<String, Object> measure(int warmups, int publications) throws InterruptedException {
        Histogram visible = Latencies.histogram();
        Histogram publishing = Latencies.histogram();
        Histogram afterAnswer = Latencies.histogram();
        long polls = 0;
        int timeouts = 0;
        for (int i = 0; i < warmups + publications; i++) {
            Probe probe = publishAndFind(i);
            if (i < warmups) {
                continue;
            }
            if (probe.visibleNanos() < 0) {
                timeouts++;
                visible.recordValue(GIVE_UP.toNanos() / 1_000);
            } else {
                Latencies.recordNanos(visible, probe.visibleNanos());
                Latencies.recordNanos(afterAnswer, probe.visibleNanos() - probe.publishNanos());
            }
            Latencies.recordNanos(publishing, probe.publishNanos());
            polls += probe.searches();
            Thread.sleep(PAUSE.toMillis());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("publications", publications);
        result.put("warmupPublications", warmups);
        result.put("publishToSearchable", Latencies.summary(visible));
        result.put("publishRequest", Latencies.summary(publishing));
        result.put("answerToSearchable", Latencies.summary(afterAnswer));
        result.put("searchesPerPublication", publications == 0 ? 0 : (double) polls / publications);
        result.put("pollIntervalMillis", POLL.toMillis());
        result.put("timeouts", timeouts);
        return result;
    }

    /** How long one probe took; {@code visibleNanos} is -1 when it never showed up. */
    private record Probe(long publishNanos, long visibleNanos, int searches) {}

    private Probe publishAndFind(int number) throws InterruptedException {
        String token = tokens.accessToken(owner);
        String marker = "bp" + run + String.format("%04d", number);
        String slug = "bench-probe-" + run + "-" + number;
        String title = "Latency probe " + marker;
        byte[] descriptor = descriptor(domain, slug, title).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        long started = System.nanoTime();
        Portal.Answer published = portal.post("/api/products", "application/yaml", descriptor, token);
        long publishNanos = published.receivedNanos() - started;
        published.expect(201);
        String key = domain + "." + slug;
        String search = Portal.query("/api/search", Map.of("q", title));
        long deadline = started + GIVE_UP.toNanos();
        int searches = 0;
        while (System.nanoTime() < deadline) {
            Portal.Answer answer = portal.get(search, token).expect(200);
            searches++;
            for (JsonNode hit : answer.json().path("hits")) {
                if (key.equals(hit.path("key").asText())) {
                    return new Probe(publishNanos, answer.receivedNanos() - started, searches);
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Probe(publishNanos, -1, searches);
    }

    /**
     * A small but complete publication that meets the council's rules (the gate's evaluation is part of what is
     * measured): one output port, its contract with five columns, a consumer, a changelog and a freshness SLA. The
     * replicas phase publishes the same.
     */
    static String descriptor(String domain, String slug, String title) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: "%s"
                domain: %s
                status: active
                version: "1.0.0"
                description:
                  purpose: "Published by the benchmark to measure how soon a new service inventory becomes searchable."
                tags: [bench, service, inventory]
                team:
                  name: Network Data Team
                  members:
                    - {username: ana.costa@telco.example, name: Ana Costa, role: owner}
                support:
                  - {channel: network-data, url: "mailto:network-data@telco.example", tool: email}
                outputPorts:
                  - {name: probe, type: table, version: "1.0.0", contractId: %s-v1}
                customProperties:
                  - {property: slug, value: %s}
                  - {property: classification, value: internal}
                  - {property: changelog, value: "First publication."}
                  - property: consumers
                    value:
                      - {team: Billing Operations, domain: billing, purpose: Reconcile billed lines, contact: billing-ops@telco.example}
                ---
                apiVersion: v3.0.2
                kind: DataContract
                id: %s-v1
                version: "1.0.0"
                status: active
                schema:
                  - name: probe
                    physicalType: table
                    properties:
                      - {name: service_id, logicalType: string, required: true, primaryKey: true, classification: internal, description: Canonical service id, customProperties: [{property: canonical, value: Service.service_id}]}
                      - {name: customer_id, logicalType: string, classification: confidential, description: Customer of the service, customProperties: [{property: canonical, value: Customer.customer_id}]}
                      - {name: bandwidth_mbps, logicalType: number, classification: internal, description: Provisioned bandwidth}
                      - {name: site_id, logicalType: string, classification: internal, description: Site that terminates the service}
                      - {name: snapshot_date, logicalType: date, classification: internal, description: Day of the snapshot}
                slaProperties:
                  - {property: freshness, value: daily by 06:00 UTC}
                """.formatted(UUID.randomUUID(), title, domain, slug, slug, slug);
    }
}
