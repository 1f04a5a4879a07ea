package io.signalbox.bench.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds (three significant digits), summarised in milliseconds. */
final class Latencies {

    private Latencies() {}

    static Histogram histogram() {
        return new Histogram(3);
    }

    static void recordNanos(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    static Map<String, Object> summary(Histogram histogram) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", histogram.getTotalCount());
        if (histogram.getTotalCount() == 0) {
            return summary;
        }
        summary.put("p50Millis", millis(histogram.getValueAtPercentile(50)));
        summary.put("p90Millis", millis(histogram.getValueAtPercentile(90)));
        summary.put("p95Millis", millis(histogram.getValueAtPercentile(95)));
        summary.put("p99Millis", millis(histogram.getValueAtPercentile(99)));
        summary.put("p999Millis", millis(histogram.getValueAtPercentile(99.9)));
        summary.put("maxMillis", millis(histogram.getMaxValue()));
        summary.put("meanMillis", millis(Math.round(histogram.getMean())));
        return summary;
    }

    static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    static Histogram merged(Iterable<Histogram> parts) {
        Histogram all = histogram();
        parts.forEach(all::add);
        return all;
    }
}
