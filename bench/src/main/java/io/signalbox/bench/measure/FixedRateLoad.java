package io.signalbox.bench.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * (d) The search page at a fixed rate, 500 requests a second by default: what wrk2 would do, which Debian does not
 * package. Request {@code i} is due at {@code start + i / rate} whether or not earlier answers have come back (an open
 * loop, as independent users behave), and its latency is counted from when it was due, not from when a free
 * connection finally sent it. A stalled server therefore shows up in the percentiles instead of silently lowering the
 * request rate: the coordinated omission that closed-loop tools such as wrk suffer from.
 */
final class FixedRateLoad {

    private final Portal portal;
    private final int workers;

    FixedRateLoad(Portal portal, int workers) {
        this.portal = portal;
        this.workers = workers;
    }

    Map<String, Object> measure(List<String> paths, String token, int rate, int warmupSeconds, int seconds)
            throws InterruptedException {
        Histogram fromDue = new SynchronizedHistogram(3);
        Histogram fromSent = new SynchronizedHistogram(3);
        AtomicLong failures = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long interval = 1_000_000_000L / rate;
        long warmupRequests = (long) rate * warmupSeconds;
        long total = warmupRequests + (long) rate * seconds;
        ExecutorService senders = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime() + 100_000_000L;
        long lastCompletion = start;
        try {
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                boolean counted = i >= warmupRequests;
                String path = paths.get((int) (i % paths.size()));
                senders.execute(() -> {
                    long sent = System.nanoTime();
                    try {
                        Portal.Answer answer = portal.get(path, token);
                        if (counted) {
                            Latencies.recordNanos(fromDue, answer.receivedNanos() - due);
                            Latencies.recordNanos(fromSent, answer.receivedNanos() - sent);
                            completed.incrementAndGet();
                            if (answer.status() != 200) {
                                failures.incrementAndGet();
                            }
                        }
                    } catch (RuntimeException e) {
                        if (counted) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        } finally {
            senders.shutdown();
            // Whatever has not come back a minute after the last request was due counts as unfinished.
            senders.awaitTermination(60, TimeUnit.SECONDS);
            lastCompletion = System.nanoTime();
            senders.shutdownNow();
        }
        long measured = total - warmupRequests;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("targetRate", rate);
        result.put("seconds", seconds);
        result.put("warmupSeconds", warmupSeconds);
        result.put("senders", workers);
        result.put("requests", measured);
        result.put(
                "achievedRate",
                Math.round(completed.get() / ((lastCompletion - start) / 1e9 - warmupSeconds) * 10) / 10.0);
        result.put("failures", failures.get());
        result.put("unfinished", measured - completed.get());
        result.put("latencyFromDue", Latencies.summary(fromDue));
        result.put("latencyFromSent", Latencies.summary(fromSent));
        return result;
    }
}
