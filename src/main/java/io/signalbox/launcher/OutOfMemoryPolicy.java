package io.signalbox.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * How the portal's JVM must meet an {@link OutOfMemoryError} (issue 12): with a bounded heap, and by exiting at once
 * ({@code -XX:+ExitOnOutOfMemoryError}) so that whatever started it (a person, systemd, Kubernetes) starts it again. A
 * JVM left running after the error may have lost any thread (the event loop among them) and accept connections it
 * never answers, while its liveness check, if it is answered at all, says nothing is wrong. Neither setting can be
 * changed once the JVM runs, so the launcher can only say what is missing; the run commands in README and
 * docs/performance.md carry both.
 */
public final class OutOfMemoryPolicy {

    /** The run command's settings: the heap the benchmark measured the portal in, and exit on the first error. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    private OutOfMemoryPolicy() {}

    /** What this JVM lacks of the policy, one sentence each saying what to add; empty when it follows it. */
    public static List<String> problems() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return problems(
                Boolean.parseBoolean(
                        hotSpot.getVMOption("ExitOnOutOfMemoryError").getValue()),
                chosenByOperator(hotSpot.getVMOption("MaxHeapSize"))
                        || chosenByOperator(hotSpot.getVMOption("MaxRAMPercentage")));
    }

    static List<String> problems(boolean exitsOnOutOfMemory, boolean heapBounded) {
        List<String> problems = new ArrayList<>();
        if (!heapBounded) {
            problems.add("The heap is not bounded: the JVM sized it from the machine's memory. Run it with -Xmx512m"
                    + " (or -XX:MaxRAMPercentage in a container) as README shows.");
        }
        if (!exitsOnOutOfMemory) {
            problems.add("The JVM does not exit on OutOfMemoryError, so one such error can leave a portal that"
                    + " accepts connections and answers nothing. Run it with -XX:+ExitOnOutOfMemoryError.");
        }
        return problems;
    }

    /** A value someone set (command line, JAVA_TOOL_OPTIONS, a flags file) rather than the JVM's own choice. */
    private static boolean chosenByOperator(VMOption option) {
        return option.getOrigin() != VMOption.Origin.DEFAULT && option.getOrigin() != VMOption.Origin.ERGONOMIC;
    }
}
