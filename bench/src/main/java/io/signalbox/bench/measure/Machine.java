package io.signalbox.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the numbers were measured on: they mean little without it. */
final class Machine {

    private Machine() {}

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        line(Path.of("/proc/cpuinfo"), "model name").ifPresent(cpu -> machine.put("cpu", cpu));
        line(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Long.parseLong(kb.replaceAll("\\D", "")))
                .ifPresent(kb -> machine.put("memoryGiB", Math.round(kb / 1024.0 / 1024.0 * 10) / 10.0));
        line(Path.of("/etc/os-release"), "PRETTY_NAME").ifPresent(os -> machine.put("os", os.replace("\"", "")));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return machine;
    }

    /** The value of the first "key: value" or "key=value" line of a system file. */
    private static Optional<String> line(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(key.length())
                            .replaceFirst("^\\s*[:=]\\s*", "")
                            .trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
