package io.signalbox.bench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * (g) The route sweep of issue 12: every GET route of the portal ({@link Routes}, discovered from its compiled
 * resources), its path parameters filled with the heaviest real keys of the catalog ({@link CatalogKeys}), requested
 * one after another as each person (a reader and an admin by default): API routes with the person's bearer token,
 * pages with the person's signed-in session ({@link SignedInBrowser}), redirects not followed. Each route is requested
 * once to warm up, then {@code repetitions} times; the sweep reports, per route and person, the statuses, p50 / p95 /
 * max time to the last byte of the body and the body's size in bytes. The body itself is read and thrown away, never
 * parsed, so the sweep measures a bare array and a page object alike.
 *
 * <p>The portal's heap is read before and after the sweep as the live set after a full GC ({@code jcmd GC.run}, then
 * {@code GC.heap_info}), when the portal's process id is known. A route whose parameters cannot be filled is listed
 * with the reason, never dropped silently; a route that fails twice (no answer within the timeout, connection closed)
 * is not requested again by that person, and when the portal then no longer answers its liveness check the remaining
 * routes are listed as not requested, so one route that takes the portal down does not stall the sweep for hours.
 *
 * <p>Targets (issue 12): every answer 2xx or an intended 4xx, ≤ 500 ms p95, ≤ 1 MB, and the heap after the sweep
 * within 50 MB of where it started.
 */
final class RouteSweep {

    static final double P95_TARGET_MILLIS = 500;
    static final long BYTES_TARGET = 1_000_000;
    static final long HEAP_GROWTH_TARGET_MB = 50;

    /** One person's way of asking: a bearer token for the API, a session for pages. */
    record Person(String username, Supplier<String> bearer, SignedInBrowser browser) {}

    private final Portal portal;
    private final List<Person> people;
    private final int repetitions;
    private final Duration timeout;

    RouteSweep(Portal portal, List<Person> people, int repetitions, Duration timeout) {
        this.portal = portal;
        this.people = people;
        this.repetitions = repetitions;
        this.timeout = timeout;
    }

    /** Sweeps {@code routes} with {@code keys}; {@code pid} (or null) is the portal's process, for its heap. */
    Map<String, Object> measure(List<Routes.Route> routes, CatalogKeys keys, Long pid) {
        return measure(routes, keys, pid, Set.of());
    }

    /**
     * Sweeps {@code routes} but those whose template is in {@code excluded} (listed as not requested, with the
     * reason): a second pass after a route that takes the portal down, for the figures of the routes after it.
     */
    Map<String, Object> measure(List<Routes.Route> routes, CatalogKeys keys, Long pid, Set<String> excluded) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("keys", keys.describe());
        result.put("repetitions", repetitions);
        result.put("people", people.stream().map(Person::username).toList());
        if (pid != null) {
            result.put("heapBefore", heap(pid));
        }
        List<Map<String, Object>> swept = new ArrayList<>();
        List<Map<String, Object>> unfilled = new ArrayList<>();
        String stoppedAnswering = null;
        for (Routes.Route route : routes) {
            if (stoppedAnswering != null || excluded.contains(route.template())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("route", route.template());
                row.put("handler", route.handler());
                row.put(
                        "unfilled",
                        stoppedAnswering != null
                                ? "the portal stopped answering after " + stoppedAnswering
                                : "left out by --sweep-exclude");
                unfilled.add(row);
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<String> reasons = new ArrayList<>();
            route.parameterContexts().forEach((parameter, segment) -> {
                String value = keys.forSegment(segment);
                if (value == null) {
                    reasons.add("{" + parameter + "}: " + keys.whyMissing(segment));
                } else {
                    values.put(parameter, value);
                }
            });
            if (!reasons.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("route", route.template());
                row.put("handler", route.handler());
                row.put("unfilled", String.join("; ", reasons));
                unfilled.add(row);
                System.out.println("   " + route.template() + ": not requested, " + row.get("unfilled"));
                continue;
            }
            String path = route.fill(values);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("route", route.template());
            row.put("path", path);
            row.put("handler", route.handler());
            Map<String, Object> byPerson = new LinkedHashMap<>();
            for (Person person : people) {
                Map<String, Object> figures = request(route.isApi(), path, person);
                byPerson.put(person.username(), figures);
                System.out.println("   " + person.username() + " " + path + ": " + line(figures));
            }
            row.put("as", byPerson);
            swept.add(row);
            boolean failed = byPerson.values().stream().anyMatch(f -> ((Map<?, ?>) f).containsKey("errors"));
            if (failed && !alive()) {
                // An OutOfMemoryError can leave a portal that accepts connections and answers nothing (issue 12):
                // every further route would wait for its timeout, twice per person.
                stoppedAnswering = path;
                System.out.println("   the portal no longer answers /q/health/live: the sweep stops here");
            }
        }
        result.put("routes", swept);
        result.put("unfilled", unfilled);
        if (pid != null) {
            result.put("heapAfter", heap(pid));
        }
        result.put("markdown", markdown(result));
        return result;
    }

    private Map<String, Object> request(boolean api, String path, Person person) {
        Histogram times = Latencies.histogram();
        Map<String, Integer> statuses = new TreeMap<>();
        long bytes = -1;
        long maxBytes = 0;
        int errors = 0;
        String lastError = null;
        for (int i = 0; i <= repetitions && errors < 2; i++) {
            long started = System.nanoTime();
            try {
                HttpRequest.Builder request =
                        HttpRequest.newBuilder(portal.base().resolve(path)).timeout(timeout);
                HttpClient client;
                if (api || person.browser() == null) {
                    request.header("Authorization", "Bearer " + person.bearer().get());
                    client = portal.http();
                } else {
                    client = person.browser().client();
                }
                HttpResponse<InputStream> response =
                        client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                long read;
                try (InputStream body = response.body()) {
                    read = body.transferTo(OutputStream.nullOutputStream());
                }
                long nanos = System.nanoTime() - started;
                if (i == 0) {
                    continue; // the warm-up: first use of the route's code and caches
                }
                Latencies.recordNanos(times, nanos);
                statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
                bytes = read;
                maxBytes = Math.max(maxBytes, read);
            } catch (IOException e) {
                errors++;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("statuses", statuses);
        if (times.getTotalCount() > 0) {
            figures.put("p50Millis", Latencies.millis(times.getValueAtPercentile(50)));
            figures.put("p95Millis", Latencies.millis(times.getValueAtPercentile(95)));
            figures.put("maxMillis", Latencies.millis(times.getMaxValue()));
            figures.put("bytes", bytes);
            figures.put("maxBytes", maxBytes);
        }
        if (errors > 0) {
            figures.put("errors", errors);
            figures.put("lastError", lastError);
        }
        figures.put("withinTargets", withinTargets(figures));
        return figures;
    }

    /** 2xx, 3xx or 4xx (never a 5xx nor a failure), p95 ≤ 500 ms, ≤ 1 MB. */
    private static boolean withinTargets(Map<String, Object> figures) {
        if (figures.containsKey("errors") || !(figures.get("p95Millis") instanceof Double p95)) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Map<String, Integer> statuses = (Map<String, Integer>) figures.get("statuses");
        boolean noServerError = statuses.keySet().stream().noneMatch(s -> s.startsWith("5"));
        return noServerError && p95 <= P95_TARGET_MILLIS && (long) figures.get("maxBytes") <= BYTES_TARGET;
    }

    /** Whether the portal still answers its liveness check within 10 s. */
    private boolean alive() {
        try {
            HttpRequest request = HttpRequest.newBuilder(portal.base().resolve("/q/health/live"))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            return portal.http()
                            .send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, Object> heap(long pid) {
        Map<String, Object> heap = new LinkedHashMap<>();
        try {
            heap.put("liveAfterFullGcMb", HeapUsage.liveAfterFullGcMb(pid));
        } catch (IOException | RuntimeException e) {
            heap.put("error", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return heap;
    }

    private static String line(Map<String, Object> figures) {
        return figures.get("statuses") + " p50 " + figures.get("p50Millis") + " ms, p95 " + figures.get("p95Millis")
                + " ms, " + figures.get("bytes") + " bytes"
                + (figures.containsKey("errors")
                        ? ", " + figures.get("errors") + " failed: " + figures.get("lastError")
                        : "");
    }

    /**
     * The sweep as a Markdown table for docs/performance.md: one row per route, for each person the status(es), p50 /
     * p95 and bytes; a route outside the targets is marked; then the unfilled routes and the heap.
     */
    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> sweep) {
        List<String> people = (List<String>) sweep.get("people");
        StringBuilder table = new StringBuilder("| Route |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String person : people) {
            table.append(' ').append(person).append(": status | p50 / p95 | bytes |");
            rule.append("---|---:|---:|");
        }
        table.append(" Targets |\n").append(rule).append("---|\n");
        int over = 0;
        for (Map<String, Object> row : (List<Map<String, Object>>) sweep.get("routes")) {
            table.append("| `").append(row.get("path")).append("` |");
            boolean within = true;
            Map<String, Map<String, Object>> byPerson = (Map<String, Map<String, Object>>) row.get("as");
            for (String person : people) {
                Map<String, Object> figures = byPerson.get(person);
                within &= Boolean.TRUE.equals(figures.get("withinTargets"));
                Map<String, Integer> statuses = (Map<String, Integer>) figures.get("statuses");
                String status = String.join(", ", statuses.keySet());
                if (figures.containsKey("errors")) {
                    status = (status.isEmpty() ? "" : status + ", ") + figures.get("errors") + " failed";
                }
                table.append(' ')
                        .append(status)
                        .append(" | ")
                        .append(
                                figures.containsKey("p95Millis")
                                        ? millis((Double) figures.get("p50Millis")) + " / "
                                                + millis((Double) figures.get("p95Millis"))
                                        : "—")
                        .append(" | ")
                        .append(figures.containsKey("maxBytes") ? size((Long) figures.get("maxBytes")) : "—")
                        .append(" |");
            }
            table.append(within ? " met |\n" : " **missed** |\n");
            over += within ? 0 : 1;
        }
        List<Map<String, Object>> unfilled = (List<Map<String, Object>>) sweep.get("unfilled");
        table.append(String.format(
                Locale.ROOT,
                "%n%d routes swept, %d outside the targets (a 5xx or a failure, p95 > %.0f ms, or more than 1 MB)",
                ((List<?>) sweep.get("routes")).size(),
                over,
                P95_TARGET_MILLIS));
        table.append(unfilled.isEmpty() ? "; every route's parameters were filled.\n" : ".\n");
        for (Map<String, Object> row : unfilled) {
            table.append("- not requested: `")
                    .append(row.get("route"))
                    .append("`, ")
                    .append(row.get("unfilled"))
                    .append('\n');
        }
        if (sweep.get("heapBefore") instanceof Map<?, ?> before && sweep.get("heapAfter") instanceof Map<?, ?> after) {
            if (before.get("liveAfterFullGcMb") instanceof Long b && after.get("liveAfterFullGcMb") instanceof Long a) {
                table.append(String.format(
                        Locale.ROOT,
                        "%nHeap live after a full GC: %d MB before the sweep, %d MB after (%+d MB; target within %d MB).%n",
                        b,
                        a,
                        a - b,
                        HEAP_GROWTH_TARGET_MB));
            } else {
                table.append("\nHeap: before ")
                        .append(before)
                        .append(", after ")
                        .append(after)
                        .append('\n');
            }
        }
        return table.toString();
    }

    private static String millis(double millis) {
        return millis >= 100
                ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String size(long bytes) {
        if (bytes < 10_000) {
            return String.format(Locale.ROOT, "%,d B", bytes);
        }
        return bytes < 1_000_000
                ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
