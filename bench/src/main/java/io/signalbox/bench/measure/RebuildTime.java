package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * (a) A full rebuild of the index from PostgreSQL: asked for as an admin, then followed on the status document until
 * the index is ready again with a finished rebuild that started after the request. The portal's own duration is the
 * figure; the wall time around it adds the request and the polling interval.
 *
 * <p>The generator writes straight into PostgreSQL and names every product in the catalog change feed, so the portal
 * learns of the new catalog from the feed, which it then indexes product by product. The rebuild is asked for once
 * that catch-up is over, so that the two never run side by side; the catch-up time is reported too. The admin's token
 * is asked for on every request: the catch-up can outlast one token.
 */
final class RebuildTime {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Portal portal;
    private final Supplier<String> adminToken;
    private final Duration timeout;

    RebuildTime(Portal portal, Supplier<String> adminToken, Duration timeout) {
        this.portal = portal;
        this.adminToken = adminToken;
        this.timeout = timeout;
    }

    Map<String, Object> measure(long expectedDocuments) throws InterruptedException {
        long settling = System.nanoTime();
        awaitReady(expectedDocuments);
        long caughtUpMillis = (System.nanoTime() - settling) / 1_000_000;
        // The status clock is the portal's; one second of slack covers any rounding of startedAt.
        Instant requested = Instant.now().minusSeconds(1);
        long started = System.nanoTime();
        JsonNode accepted = portal.post("/api/search/rebuild", "application/json", new byte[0], adminToken.get())
                .expect(200, 202)
                .json();
        List<String> states = new ArrayList<>();
        states.add(state(accepted));
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = portal.get("/api/search/status", adminToken.get())
                    .expect(200)
                    .json();
            String state = state(status);
            if (!state.equals(states.get(states.size() - 1))) {
                states.add(state);
            }
            JsonNode last = status.path("lastRebuild");
            if (state.equals("ready") && last.hasNonNull("durationMillis") && startedAfter(last, requested)) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("durationMillis", last.get("durationMillis").asLong());
                result.put("wallMillis", (System.nanoTime() - started) / 1_000_000);
                result.put("products", last.path("products").asLong());
                result.put("documents", status.path("documents").asLong());
                result.put("states", states);
                result.put("waitedForCatchUpMillis", caughtUpMillis);
                return result;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(
                "the rebuild did not finish within " + timeout + " (states seen: " + states + ")");
    }

    /** Waits until the index is ready and holds at least the given number of documents. */
    private void awaitReady(long expectedDocuments) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = portal.get("/api/search/status", adminToken.get())
                    .expect(200)
                    .json();
            if (state(status).equals("ready") && status.path("documents").asLong() >= expectedDocuments) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(
                "the index did not catch up with " + expectedDocuments + " products within " + timeout + ": " + status);
    }

    /** "ready", "building", "catching-up" or "unavailable", however the portal spells its enum. */
    static String state(JsonNode status) {
        return status.path("state").asText().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean startedAfter(JsonNode lastRebuild, Instant requested) {
        String startedAt = lastRebuild.path("startedAt").asText(null);
        return startedAt == null
                || !Instant.from(DateTimeFormatter.ISO_DATE_TIME.parse(startedAt))
                        .isBefore(requested);
    }
}
