package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (d) Saturation throughput with wrk: the search page over the query mix, beside the stylesheet, the cheapest answer
 * the portal gives, as the ceiling. wrk keeps a fixed number of connections busy (a closed loop), so its latencies
 * are those of a saturated server and say nothing about latency at a given rate: {@link FixedRateLoad} measures that.
 */
final class PageThroughput {

    private final Path script;
    private final int threads;
    private final int connections;

    PageThroughput(Path script, int threads, int connections) {
        this.script = script;
        this.threads = threads;
        this.connections = connections;
    }

    static boolean wrkInstalled() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A warm-up run (not counted), then the measured run, against {@code url} or, when paths are given, against those
     * paths of it in turn. Every request carries the bearer token, the stylesheet's too, so that the search page and
     * the ceiling differ only by what the search page does.
     */
    Map<String, Object> measure(String url, List<String> paths, String token, int warmupSeconds, int seconds)
            throws IOException, InterruptedException {
        return measure(url, paths, token, List.of(), warmupSeconds, seconds);
    }

    /** The same, with more request headers (such as "Cache-Control: no-cache"). */
    Map<String, Object> measure(
            String url, List<String> paths, String token, List<String> headers, int warmupSeconds, int seconds)
            throws IOException, InterruptedException {
        Path pathsFile = null;
        if (!paths.isEmpty()) {
            pathsFile = Files.createTempFile("signalbox-bench-paths", ".txt");
            Files.write(pathsFile, paths, StandardCharsets.UTF_8);
        }
        try {
            run(url, pathsFile, token, headers, warmupSeconds);
            Map<String, Object> result = run(url, pathsFile, token, headers, seconds);
            result.put("distinctPaths", paths.isEmpty() ? 1 : paths.size());
            return result;
        } finally {
            if (pathsFile != null) {
                Files.deleteIfExists(pathsFile);
            }
        }
    }

    private Map<String, Object> run(String url, Path pathsFile, String token, List<String> headers, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-H",
                "Authorization: Bearer " + token,
                "-s",
                script.toString(),
                url));
        for (String header : headers) {
            command.add(command.indexOf("-s"), "-H");
            command.add(command.indexOf("-s"), header);
        }
        if (pathsFile != null) {
            command.add("--");
            command.add(pathsFile.toString());
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = wrk.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + Portal.shorten(output));
        }
        String line = output.lines()
                .filter(l -> l.startsWith("WRK_JSON "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + Portal.shorten(output)));
        JsonNode figures = Portal.JSON.readTree(line.substring("WRK_JSON ".length()));
        long requests = figures.get("requests").asLong();
        double durationSeconds = figures.get("durationMicros").asLong() / 1e6;
        JsonNode latency = figures.get("latencyMicros");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requestsPerSecond", Math.round(requests / durationSeconds * 10) / 10.0);
        result.put("requests", requests);
        result.put("seconds", durationSeconds);
        result.put("threads", threads);
        result.put("connections", connections);
        result.put("p50Millis", Latencies.millis(latency.get("p50").asLong()));
        result.put("p99Millis", Latencies.millis(latency.get("p99").asLong()));
        result.put("maxMillis", Latencies.millis(latency.get("max").asLong()));
        result.put("non2xxOr3xx", figures.get("errors").get("status").asLong());
        result.put(
                "socketErrors",
                figures.get("errors").get("connect").asLong()
                        + figures.get("errors").get("read").asLong()
                        + figures.get("errors").get("write").asLong()
                        + figures.get("errors").get("timeout").asLong());
        result.put("bytesPerRequest", requests == 0 ? 0 : figures.get("bytes").asLong() / requests);
        return result;
    }
}
