package io.signalbox.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one run: everything measured, as a JSON document (the machine-readable record), and a summary table
 * of the targets of docs/performance.md with the measured value beside each, in Markdown so that it can be pasted.
 */
final class Report {

    /** A target of docs/performance.md; {@code measured} is null when the run did not measure it. */
    record Target(String measure, String target, String measured, Boolean met) {

        String verdict() {
            return met == null ? "not measured" : met ? "met" : "MISSED";
        }
    }

    private final Map<String, Object> results = new LinkedHashMap<>();

    void put(String section, Object value) {
        results.put(section, value);
    }

    Map<String, Object> results() {
        return results;
    }

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        Double rebuild = number("rebuild", "durationMillis");
        targets.add(atMost("Full rebuild (portal's own duration)", "≤ 60 s", seconds(rebuild), rebuild, 60_000));
        Double publish = number("publish", "publishToSearchable", "p99Millis");
        targets.add(atMost("Publish to searchable, p99", "≤ 1 s", millis(publish), publish, 1_000));
        Double otherReplica = number("replicas", "otherReplica", "p99Millis");
        targets.add(atMost(
                "Publish to searchable on the other replica (answer to hit), p99",
                "≤ 2 s",
                millis(otherReplica),
                otherReplica,
                2_000));
        for (String kind : List.of("plain", "phrase", "faceted")) {
            Double took = number("query", "luceneTook", kind, "p99Millis");
            targets.add(atMost("Lucene query p99, " + kind, "≤ 5 ms", millis(took), took, 5));
        }
        Double fuzzy = number("query", "luceneTook", "fuzzy", "p99Millis");
        targets.add(atMost("Lucene query p99, fuzzy", "≤ 10 ms", millis(fuzzy), fuzzy, 10));
        Double paced = number("fixedRate", "latencyFromDue", "p99Millis");
        Double unfinished = number("fixedRate", "unfinished");
        Double failures = number("fixedRate", "failures");
        Double rate = number("fixedRate", "targetRate");
        String pacedMeasure = "Search page p99 at " + (rate == null ? "500" : String.format("%.0f", rate)) + " req/s";
        if (paced != null && (unfinished > 0 || failures > 0)) {
            targets.add(new Target(
                    pacedMeasure,
                    "≤ 25 ms",
                    millis(paced) + String.format(" (%.0f failed, %.0f unfinished)", failures, unfinished),
                    false));
        } else {
            targets.add(atMost(pacedMeasure, "≤ 25 ms", millis(paced), paced, 25));
        }
        Double search = number("page", "search", "requestsPerSecond");
        Double ceiling = number("page", "static", "requestsPerSecond");
        Double share = search == null || ceiling == null || ceiling == 0 ? null : search / ceiling;
        targets.add(new Target(
                "Search page throughput / static ceiling",
                "≥ 20 %",
                share == null
                        ? null
                        : String.format(Locale.ROOT, "%.1f %% (%.0f / %.0f req/s)", share * 100, search, ceiling),
                share == null ? null : share >= 0.2));
        Double live = number("heap", "liveAfterFullGcMb");
        Double peak = number("heap", "peakUsedMb");
        targets.add(new Target(
                "Heap (portal run with -Xmx512m)",
                "≤ 512 MB",
                live == null
                        ? null
                        : String.format(Locale.ROOT, "%.0f MB live after full GC, %.0f MB peak used", live, peak),
                live == null ? null : live <= 512));
        Double issueP50 = number("deprecation", "issueRequest", "p50Millis");
        Double issueMax = number("deprecation", "issueRequest", "maxMillis");
        Double subscribers = number("deprecation", "subscribers");
        Double samples = number("deprecation", "issueRequest", "count");
        targets.add(new Target(
                "Deprecation notice to "
                        + (subscribers == null ? "5,000" : String.format(Locale.ROOT, "%,.0f", subscribers))
                        + " subscribers commits (request, max of "
                        + (samples == null ? "5" : String.format(Locale.ROOT, "%.0f", samples)) + ")",
                "≤ 2 s",
                issueMax == null ? null : String.format(Locale.ROOT, "max %.0f ms (p50 %.0f ms)", issueMax, issueP50),
                issueMax == null ? null : issueMax <= 2_000));
        Double emailRate = number("deprecation", "delivery", "emailsPerSecondFirstToLastSent");
        Double fromCommit = number("deprecation", "delivery", "emailsPerSecondFromCommit");
        Double sent = number("deprecation", "delivery", "sent");
        Double rows = number("deprecation", "delivery", "emailRows");
        Boolean complete = at("deprecation", "delivery", "complete") instanceof Boolean b ? b : null;
        targets.add(new Target(
                "Emails to the local SMTP server (issued, first to last sent)",
                "≥ 50 /s",
                emailRate == null
                        ? null
                        : String.format(
                                Locale.ROOT,
                                "%.1f /s (%.1f /s from the commit; %.0f of %.0f sent)",
                                emailRate,
                                fromCommit,
                                sent,
                                rows),
                emailRate == null ? null : emailRate >= 50 && Boolean.TRUE.equals(complete)));
        return targets;
    }

    /** Figures without a target that a reader of the table asks for next. */
    List<String[]> otherFigures() {
        List<String[]> figures = new ArrayList<>();
        Double generated = number("generation", "seconds");
        figure(
                figures,
                "Catalog generation (COPY into PostgreSQL)",
                generated == null
                        ? null
                        : String.format(
                                Locale.ROOT,
                                "%,.0f products, %,.0f columns in %.1f s",
                                number("generation", "products"),
                                number("generation", "columns"),
                                generated));
        Double caughtUp = number("rebuild", "waitedForCatchUpMillis");
        figure(figures, "Index catch-up after the direct write (change feed)", seconds(caughtUp));
        figure(figures, "Lucene query p50, all kinds", millis(number("query", "luceneTook", "all", "p50Millis")));
        figure(figures, "Lucene query p99, all kinds", millis(number("query", "luceneTook", "all", "p99Millis")));
        figure(figures, "GET /api/search end to end p50 / p99", pair("query", "http", "all"));
        figure(figures, "Publish request alone p50 / p99", pair("publish", "publishRequest"));
        figure(figures, "Publish to searchable p50", millis(number("publish", "publishToSearchable", "p50Millis")));
        figure(figures, "Other replica: publish answer to searchable p50 / p99", pair("replicas", "otherReplica"));
        figure(figures, "Other replica: p95 / max", pairOf("replicas", "otherReplica", "p95Millis", "maxMillis"));
        figure(figures, "Same replica: publish answer to searchable p50 / p99", pair("replicas", "sameReplica"));
        figure(figures, "Rebuild wall time (request to ready)", seconds(number("rebuild", "wallMillis")));
        figure(figures, "Search page with wrk: p50 / p99 (saturated)", wrk("search"));
        figure(figures, "Search page with wrk, every answer searched afresh: p50 / p99", wrk("searchUncached"));
        figure(figures, "Stylesheet with wrk: p50 / p99 (saturated)", wrk("static"));
        figure(
                figures,
                "Search page at fixed rate p50 (from due time)",
                millis(number("fixedRate", "latencyFromDue", "p50Millis")));
        figure(figures, "PostgreSQL FTS top 20, p50 / p99, all kinds", pair("postgres", "top20", "all"));
        figure(
                figures,
                "PostgreSQL FTS top 20 + facet counts, p50 / p99",
                pair("postgres", "top20AndFacetCounts", "all"));
        figure(figures, "PostgreSQL FTS fuzzy queries with no hit", text("postgres", "zeroHitQueries", "fuzzy"));
        figure(figures, "Full GCs / GC seconds during the run", gc());
        figure(figures, "Deprecation notice: rescind request p50 / max", rescind());
        figure(figures, "Deprecation notice: issued emails dead / retried / with a failure", deliveryFailures());
        figure(
                figures,
                "Deprecation notice: commit to first / last email sent",
                secondsPair("deprecation", "delivery", "commitToFirstSentSeconds", "commitToLastSentSeconds"));
        return figures;
    }

    String summary() {
        StringBuilder table = new StringBuilder();
        table.append("| Measure | Target | Measured | Verdict |\n|---|---|---|---|\n");
        for (Target target : targets()) {
            table.append("| ")
                    .append(target.measure())
                    .append(" | ")
                    .append(target.target())
                    .append(" | ")
                    .append(target.measured() == null ? "—" : target.measured())
                    .append(" | ")
                    .append(target.verdict())
                    .append(" |\n");
        }
        table.append("\n| Other figures | Measured |\n|---|---|\n");
        for (String[] figure : otherFigures()) {
            table.append("| ").append(figure[0]).append(" | ").append(figure[1]).append(" |\n");
        }
        if (at("sweep", "markdown") instanceof String sweep) {
            table.append("\nRoute sweep:\n\n").append(sweep);
        }
        List<String> failed = new ArrayList<>();
        results.forEach((section, value) -> {
            if (value instanceof Map<?, ?> map && map.containsKey("error")) {
                failed.add(section + ": " + map.get("error"));
            }
        });
        if (!failed.isEmpty()) {
            table.append("\nNot measured:\n");
            failed.forEach(f -> table.append("- ").append(f).append('\n'));
        }
        return table.toString();
    }

    void write(Path file) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>(results);
        document.put("targets", targets());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Portal.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    }

    private static Target atMost(String measure, String target, String shown, Double value, double limit) {
        return new Target(measure, target, shown, value == null ? null : value <= limit);
    }

    private static void figure(List<String[]> figures, String name, String value) {
        if (value != null) {
            figures.add(new String[] {name, value});
        }
    }

    private String pair(String... path) {
        Double p50 = number(append(path, "p50Millis"));
        Double p99 = number(append(path, "p99Millis"));
        return p50 == null || p99 == null ? null : millis(p50) + " / " + millis(p99);
    }

    private String pairOf(String section, String part, String first, String second) {
        Double a = number(section, part, first);
        Double b = number(section, part, second);
        return a == null || b == null ? null : millis(a) + " / " + millis(b);
    }

    private String wrk(String page) {
        Double rps = number("page", page, "requestsPerSecond");
        return rps == null
                ? null
                : String.format(
                        Locale.ROOT,
                        "%s / %s at %.0f req/s",
                        millis(number("page", page, "p50Millis")),
                        millis(number("page", page, "p99Millis")),
                        rps);
    }

    private String gc() {
        Double full = number("heap", "fullGcs");
        Double seconds = number("heap", "gcSeconds");
        return full == null ? null : String.format(Locale.ROOT, "%.0f / %.2f s", full, seconds);
    }

    private String rescind() {
        Double p50 = number("deprecation", "rescindRequest", "p50Millis");
        Double max = number("deprecation", "rescindRequest", "maxMillis");
        return p50 == null ? null : String.format(Locale.ROOT, "%.0f ms / %.0f ms", p50, max);
    }

    private String deliveryFailures() {
        Double dead = number("deprecation", "delivery", "dead");
        return dead == null
                ? null
                : String.format(
                        Locale.ROOT,
                        "%.0f / %.0f / %.0f",
                        dead,
                        number("deprecation", "delivery", "retried"),
                        number("deprecation", "delivery", "withAFailure"));
    }

    private String secondsPair(String section, String part, String first, String second) {
        Double a = number(section, part, first);
        Double b = number(section, part, second);
        return a == null || b == null ? null : String.format(Locale.ROOT, "%.1f s / %.1f s", a, b);
    }

    private String text(String... path) {
        Object value = at(path);
        return value == null ? null : String.valueOf(value);
    }

    private Double number(String... path) {
        return at(path) instanceof Number n ? n.doubleValue() : null;
    }

    private Object at(String... path) {
        Object node = results;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    private static String[] append(String[] path, String last) {
        String[] longer = java.util.Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }

    private static String millis(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.2f ms", value);
    }

    private static String seconds(Double millis) {
        return millis == null ? null : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
}
