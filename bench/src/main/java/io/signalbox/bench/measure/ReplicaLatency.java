package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Issue 15's figure: how soon a publication accepted by one replica is searchable on another. Two portal processes
 * share one PostgreSQL and keep an index each; the one that did not publish learns of the publication only through
 * the catalog change feed (a NOTIFY at commit, a poll every 500 ms). Publications alternate between the two replicas;
 * after each, the other replica is searched for the product's unique word every {@link #POLL} until its key is among
 * the hits, and, side by side, the publishing replica is searched too, for comparison, until it shows the product.
 *
 * <p>The latency runs from the arrival of the publish answer (201: the publication committed) to the arrival of the
 * first search answer that shows it, so its resolution is the polling interval plus one search. Publications go one
 * at a time, each after the previous one was found on both replicas and at least {@code interval} after the
 * previous one started, so each measures a feed read of its own rather than a queue.
 */
final class ReplicaLatency {

    static final Duration POLL = Duration.ofMillis(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final Portal[] replicas;
    private final Tokens tokens;
    private final Tokens.Person owner;
    private final String domain;
    private final String run;

    ReplicaLatency(Portal first, Portal second, Tokens tokens, Tokens.Person owner, String domain) {
        this.replicas = new Portal[] {first, second};
        this.tokens = tokens;
        this.owner = owner;
        this.domain = domain;
        // Unique per run, so that the bench can publish again into the same catalog.
        this.run = UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * Publishes {@code warmups + publications} products (the warm-ups are not counted) and summarises, in
     * milliseconds: publish answer to searchable on the other replica ({@code otherReplica}), the same on the
     * publishing replica ({@code sameReplica}), the publish request alone, and the same split by which replica
     * published. A product not found within 30 s counts as a timeout, recorded at 30 s.
     */
    Map<String, Object> measure(int warmups, int publications, Duration interval) throws InterruptedException {
        Histogram other = Latencies.histogram();
        Histogram same = Latencies.histogram();
        Histogram publishing = Latencies.histogram();
        Histogram[] otherByPublisher = {Latencies.histogram(), Latencies.histogram()};
        long searches = 0;
        int timeouts = 0;
        long nextStart = System.nanoTime();
        ExecutorService searchers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < warmups + publications; i++) {
                long wait = nextStart - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                nextStart = System.nanoTime() + interval.toNanos();
                int publisher = i % 2;
                Probe probe = publishAndFind(i, replicas[publisher], replicas[1 - publisher], searchers);
                if (i < warmups) {
                    continue;
                }
                Latencies.recordNanos(publishing, probe.publishNanos());
                if (probe.otherNanos() < 0) {
                    timeouts++;
                    other.recordValue(GIVE_UP.toNanos() / 1_000);
                    otherByPublisher[publisher].recordValue(GIVE_UP.toNanos() / 1_000);
                } else {
                    Latencies.recordNanos(other, probe.otherNanos());
                    Latencies.recordNanos(otherByPublisher[publisher], probe.otherNanos());
                }
                if (probe.sameNanos() >= 0) {
                    Latencies.recordNanos(same, probe.sameNanos());
                }
                searches += probe.searches();
            }
        } finally {
            searchers.shutdownNow();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "replicas",
                Map.of(
                        "first",
                        replicas[0].base().toString(),
                        "second",
                        replicas[1].base().toString()));
        result.put("publications", publications);
        result.put("warmupPublications", warmups);
        result.put("intervalMillis", interval.toMillis());
        result.put("pollIntervalMillis", POLL.toMillis());
        result.put("otherReplica", Latencies.summary(other));
        result.put("sameReplica", Latencies.summary(same));
        result.put("publishRequest", Latencies.summary(publishing));
        result.put("otherReplicaWhenFirstPublished", Latencies.summary(otherByPublisher[0]));
        result.put("otherReplicaWhenSecondPublished", Latencies.summary(otherByPublisher[1]));
        result.put("searchesPerPublication", publications == 0 ? 0 : (double) searches / publications);
        result.put("timeouts", timeouts);
        return result;
    }

    /** One publication's times in nanoseconds after its publish answer; -1 when it never showed up there. */
    private record Probe(long publishNanos, long otherNanos, long sameNanos, int searches) {}

    private Probe publishAndFind(int number, Portal publisher, Portal other, ExecutorService searchers)
            throws InterruptedException {
        String token = tokens.accessToken(owner);
        String word = "rp" + run + String.format("%04d", number);
        String slug = "bench-replica-" + run + "-" + number;
        byte[] descriptor =
                PublishLatency.descriptor(domain, slug, "Replica probe " + word).getBytes(StandardCharsets.UTF_8);
        String key = domain + "." + slug;
        String search = Portal.query("/api/search", Map.of("q", word));

        long started = System.nanoTime();
        Portal.Answer published = publisher.post("/api/products", "application/yaml", descriptor, token);
        long accepted = published.receivedNanos();
        published.expect(201);
        // Both replicas are searched side by side, each on a thread of its own, so that neither figure waits for the
        // other's searches.
        AtomicInteger searches = new AtomicInteger();
        Future<Long> onOther = searchers.submit(() -> firstSight(other, search, key, token, accepted, searches));
        Future<Long> onSame = searchers.submit(() -> firstSight(publisher, search, key, token, accepted, searches));
        try {
            return new Probe(accepted - started, onOther.get(), onSame.get(), searches.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("searching for " + key + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Searches one replica for the word every {@link #POLL} until the key is among the hits; nanoseconds from the
     * publish answer to that search answer, or -1 after {@link #GIVE_UP}.
     */
    private static long firstSight(
            Portal replica, String search, String key, String token, long accepted, AtomicInteger searches)
            throws InterruptedException {
        long deadline = accepted + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            Portal.Answer answer = replica.get(search, token).expect(200);
            searches.incrementAndGet();
            if (shows(answer, key)) {
                return answer.receivedNanos() - accepted;
            }
            Thread.sleep(POLL.toMillis());
        }
        return -1;
    }

    private static boolean shows(Portal.Answer answer, String key) {
        for (JsonNode hit : answer.json().path("hits")) {
            if (key.equals(hit.path("key").asText())) {
                return true;
            }
        }
        return false;
    }
}
