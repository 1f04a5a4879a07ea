package io.signalbox.catalog.descriptor;

import io.signalbox.web.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One mapping of a descriptor, read field by field. Every mistake is recorded with its full path instead of thrown,
 * so that one refusal lists everything the author has to fix.
 */
final class DescriptorNode {

    private final Map<String, Object> fields;
    private final String path;
    private final Reading reading;
    private final List<FieldProblem> problems;

    DescriptorNode(Map<String, Object> fields, String path, Reading reading) {
        this.fields = fields;
        this.path = path;
        this.reading = reading;
        this.problems = reading.problems;
    }

    /** The classification names this reading accepts: the four levels and the council's aliases. */
    ClassificationVocabulary vocabulary() {
        return reading.vocabulary;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return fields.get(key) != null;
    }

    Object raw(String key) {
        return fields.get(key);
    }

    void problem(String key, String message) {
        problems.add(new FieldProblem(key == null ? path : path(key), message));
    }

    /** Something read but worth telling: the publication goes ahead, and the answer names the field. */
    void warn(String key, String message) {
        reading.warnings.add(new FieldProblem(key == null ? path : path(key), message));
    }

    /** Text that must be present. */
    String requiredText(String key, int maxLength) {
        String value = text(key, maxLength);
        if (value == null && !problemRecordedFor(key)) {
            problem(key, "is required");
        }
        return value;
    }

    /** Text that may be absent; blank counts as absent. */
    String text(String key, int maxLength) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            problem(
                    key,
                    "must be text, not " + describe(value) + (value instanceof Number ? " (put it in quotes)" : ""));
            return null;
        }
        return checkedLength(key, text.strip(), maxLength);
    }

    /** A scalar written as text, a number or a boolean, read as text (e.g. an SLA value of 99.5). */
    String scalarText(String key, int maxLength) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(key, "must be a single value, not " + describe(value));
            return null;
        }
        return checkedLength(key, String.valueOf(value).strip(), maxLength);
    }

    String matching(String key, Pattern pattern, String expectation, boolean required, int maxLength) {
        String value = required ? requiredText(key, maxLength) : text(key, maxLength);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(key, "'" + shorten(value) + "' " + expectation);
            return null;
        }
        return value;
    }

    boolean bool(String key, boolean absent) {
        Object value = fields.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        Optional<Boolean> text = textBoolean(value);
        if (text.isPresent()) {
            warn(
                    key,
                    "'" + value + "' is text; it is read as " + text.get() + ": write " + text.get()
                            + " without quotes");
            return text.get();
        }
        problem(key, "must be true or false, not " + describe(value));
        return absent;
    }

    /**
     * A boolean written as text, as some tools export it (datacontract-cli writes {@code pii: 'True'}): true, false,
     * yes or no, in any case. Other text stays a mistake.
     */
    private static Optional<Boolean> textBoolean(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    Optional<DescriptorNode> object(String key, boolean required) {
        Object value = fields.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is required");
            }
            return Optional.empty();
        }
        return asNode(value, path(key));
    }

    List<DescriptorNode> objects(String key, boolean required, int maxItems) {
        Object value = fields.get(key);
        List<DescriptorNode> nodes = new ArrayList<>();
        if (value == null) {
            if (required) {
                problem(key, "is required: give at least one entry");
            }
            return nodes;
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "must be a list, not " + describe(value));
            return nodes;
        }
        if (list.size() > maxItems) {
            problem(key, "has " + list.size() + " entries; at most " + maxItems + " are accepted");
            return nodes;
        }
        if (required && list.isEmpty()) {
            problem(key, "is required: give at least one entry");
        }
        for (int i = 0; i < list.size(); i++) {
            asNode(list.get(i), path(key) + "[" + i + "]").ifPresent(nodes::add);
        }
        return nodes;
    }

    List<String> texts(String key, int maxItems, int maxLength) {
        Object value = fields.get(key);
        List<String> texts = new ArrayList<>();
        if (value == null) {
            return texts;
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "must be a list of text, not " + describe(value));
            return texts;
        }
        if (list.size() > maxItems) {
            problem(key, "has " + list.size() + " entries; at most " + maxItems + " are accepted");
            return texts;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path(key) + "[" + i + "]";
            if (!(list.get(i) instanceof String text) || text.isBlank()) {
                problems.add(new FieldProblem(itemPath, "must be non-empty text, not " + describe(list.get(i))));
            } else if (text.strip().length() > maxLength) {
                problems.add(new FieldProblem(itemPath, "is longer than " + maxLength + " characters"));
            } else {
                texts.add(text.strip());
            }
        }
        return texts;
    }

    /**
     * The standards' extension point: a list of {@code {property, value}} pairs. Signalbox keeps what it does not
     * read; a malformed entry is reported, not ignored.
     */
    Map<String, DescriptorValue> customProperties() {
        Map<String, DescriptorValue> properties = new LinkedHashMap<>();
        for (DescriptorNode entry : objects("customProperties", false, 100)) {
            String name = entry.requiredText("property", 100);
            if (name != null) {
                properties.put(name, new DescriptorValue(entry.raw("value"), entry.path("value"), reading));
            }
        }
        return properties;
    }

    private Optional<DescriptorNode> asNode(Object value, String nodePath) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new FieldProblem(nodePath, "must be a mapping of fields, not " + describe(value)));
            return Optional.empty();
        }
        Map<String, Object> child = new LinkedHashMap<>();
        map.forEach((k, v) -> child.put(String.valueOf(k), v));
        return Optional.of(new DescriptorNode(child, nodePath, reading));
    }

    private String checkedLength(String key, String text, int maxLength) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            problem(key, "is " + text.length() + " characters long; at most " + maxLength + " are accepted");
            return null;
        }
        return text;
    }

    private boolean problemRecordedFor(String key) {
        String field = path(key);
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number (" + value + ")";
        }
        return value == null ? "nothing" : "a value of another kind";
    }

    /** A custom property's value, read with the same care as a field. */
    record DescriptorValue(Object value, String path, Reading reading) {

        DescriptorNode asFields() {
            Map<String, Object> holder = new LinkedHashMap<>();
            holder.put("value", value);
            return new DescriptorNode(holder, parentPath(), reading);
        }

        private String parentPath() {
            return path.substring(0, path.length() - ".value".length());
        }
    }
}
