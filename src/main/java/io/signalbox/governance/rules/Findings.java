package io.signalbox.governance.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one rule's check found in a proposal; the gate adds the rule's id, statement and severity. */
public final class Findings {

    /** One thing to change: where (a path in the descriptor), what is wrong, and what to do about it. */
    public record Found(String field, String problem, String fix) {}

    private final Map<String, Object> parameters;
    private final List<Found> found = new ArrayList<>();

    public Findings(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    public void add(String field, String problem, String fix) {
        found.add(new Found(field, problem, fix));
    }

    /** A number the council set for this rule, or the default when it set none. */
    public double number(String name, double fallback) {
        return parameters.get(name) instanceof Number n ? n.doubleValue() : fallback;
    }

    /** A list of words the council set for this rule, or the default when it set none. */
    public List<String> words(String name, List<String> fallback) {
        return parameters.get(name) instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : fallback;
    }

    List<Found> found() {
        return found;
    }
}
