package io.signalbox.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the form {@code --name value} or {@code --flag}; unknown names are refused. */
public final class Arguments {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    private Arguments() {}

    public static Arguments parse(List<String> args) {
        Arguments arguments = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option such as --products, got '" + arg + "'");
            }
            String name = arg.substring(2);
            boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            arguments.values.put(name, hasValue ? args.get(++i) : "true");
        }
        return arguments;
    }

    public String text(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    public String required(String name) {
        String value = text(name, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    public long number(String name, long fallback) {
        return Long.parseLong(text(name, String.valueOf(fallback)));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    public Path path(String name, String fallback) {
        String value = text(name, fallback);
        return value == null ? null : Path.of(value);
    }

    /** Call after reading every option: a misspelt option would otherwise be ignored silently. */
    public void refuseUnread() {
        Set<String> unread = new HashSet<>(values.keySet());
        unread.removeAll(read);
        if (!unread.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", unread));
        }
    }
}
