package io.signalbox.bench.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (f) The portal's heap, watched from outside with the JDK's own tools so that the portal needs nothing for it:
 * {@code jstat} samples the heap every second during the whole run (the peak), {@code jcmd GC.heap_info} reads it at
 * the end, and again after a full GC ({@code jcmd GC.run}), which leaves the live set: what the portal really keeps.
 */
final class HeapUsage implements AutoCloseable {

    /** G1 prints one such line for its heap; the serial and parallel collectors one per generation. */
    private static final Pattern HEAP_SPACE = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private static final Pattern MAX_HEAP = Pattern.compile("MaxHeapSize=(\\d+)");

    private final long pid;
    private Process jstat;
    private Thread reader;
    private volatile double peakUsedKb;
    private volatile String lastSample = "";
    private volatile List<String> columns = List.of();

    HeapUsage(long pid) {
        this.pid = pid;
    }

    /**
     * Starts sampling, one jstat process for the whole run, which costs the portal nothing measurable; false when
     * jstat is missing (a JRE without the JDK's tools).
     */
    boolean start() {
        try {
            jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "1000")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return false;
        }
        reader = new Thread(this::readSamples, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
        return true;
    }

    private void readSamples() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 0 && fields[0].equals("S0C")) {
                    columns = List.of(fields);
                    continue;
                }
                if (columns.isEmpty() || fields.length != columns.size()) {
                    continue;
                }
                lastSample = line;
                double used = field(fields, "S0U") + field(fields, "S1U") + field(fields, "EU") + field(fields, "OU");
                peakUsedKb = Math.max(peakUsedKb, used);
            }
        } catch (IOException | NumberFormatException e) {
            // jstat ended (the portal stopped, or close() ended it)
        }
    }

    private double field(String[] fields, String name) {
        int index = columns.indexOf(name);
        return index < 0 ? 0 : Double.parseDouble(fields[index].replace(',', '.'));
    }

    Map<String, Object> measure() throws IOException, InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        Matcher max = MAX_HEAP.matcher(jcmd("VM.flags"));
        if (max.find()) {
            result.put("maxHeapMb", Long.parseLong(max.group(1)) >> 20);
        }
        result.put("peakUsedMb", Math.round(peakUsedKb / 1024));
        long[] before = heap(jcmd("GC.heap_info"));
        result.put("usedAtEndMb", before[1] >> 10);
        result.put("committedAtEndMb", before[0] >> 10);
        jcmd("GC.run");
        long[] after = heap(jcmd("GC.heap_info"));
        result.put("liveAfterFullGcMb", after[1] >> 10);
        String[] sample = lastSample.trim().split("\\s+");
        if (sample.length == columns.size() && columns.contains("GCT")) {
            result.put("youngGcs", (long) field(sample, "YGC"));
            result.put("fullGcs", (long) field(sample, "FGC"));
            result.put("gcSeconds", field(sample, "GCT"));
        }
        return result;
    }

    /** Committed and used kilobytes of the heap from {@code GC.heap_info}. */
    private static long[] heap(String heapInfo) {
        Matcher space = HEAP_SPACE.matcher(heapInfo);
        long[] totals = new long[2];
        boolean found = false;
        while (space.find()) {
            totals[0] += Long.parseLong(space.group(1));
            totals[1] += Long.parseLong(space.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("unexpected GC.heap_info: " + Portal.shorten(heapInfo));
        }
        return totals;
    }

    /**
     * The live set of process {@code pid} in MB: a full GC ({@code jcmd GC.run}), then the heap used as
     * {@code GC.heap_info} shows it. The route sweep reads it before and after.
     */
    static long liveAfterFullGcMb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return heap(jcmd(pid, "GC.heap_info"))[1] >> 10;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        return jcmd(pid, command);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + Portal.shorten(output));
        }
        return output;
    }

    @Override
    public void close() {
        if (jstat != null) {
            jstat.destroy();
        }
    }
}
