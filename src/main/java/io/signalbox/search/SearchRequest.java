package io.signalbox.search;

import io.signalbox.search.ProductDocuments.Facet;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One search as a person asked it: free text, facet filters, order and page. Anything may be typed; only sizes that
 * would make the search slow for everyone are refused, with what to change.
 */
public record SearchRequest(String text, Map<Facet, List<String>> filters, Order order, int page, int size) {

    public static final int MAX_TEXT = 1_000;
    public static final int MAX_WORDS = 32;
    public static final int MAX_DEPTH = 10_000;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    private static final Pattern PHRASE_OR_WORD = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

    public enum Order {
        RELEVANCE,
        UPDATED,
        NAME;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Words and quoted phrases of the text; the last word is completed as a prefix unless a space follows it. */
    record Parsed(List<String> words, List<String> phrases, boolean lastWordIsPrefix) {
        boolean isEmpty() {
            return words.isEmpty() && phrases.isEmpty();
        }
    }

    Parsed parsed() {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        boolean lastIsWord = false;
        Matcher matcher = PHRASE_OR_WORD.matcher(text);
        while (matcher.find()) {
            if (matcher.group(2) != null) {
                words.add(matcher.group(2));
                lastIsWord = true;
            } else {
                if (!matcher.group(1).isBlank()) {
                    phrases.add(matcher.group(1));
                }
                lastIsWord = false;
            }
        }
        boolean prefix = lastIsWord && !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        return new Parsed(words, phrases, prefix);
    }

    public boolean hasText() {
        return !text.isBlank();
    }

    public boolean filtered() {
        return filters.values().stream().anyMatch(values -> !values.isEmpty());
    }

    public List<String> filter(Facet facet) {
        return filters.getOrDefault(facet, List.of());
    }

    /** Reads and checks the parameters as the page and the API receive them. */
    public static SearchRequest of(
            String text, Map<String, List<String>> filterParameters, String order, Integer page, Integer size) {
        List<FieldProblem> problems = new ArrayList<>();
        String words = text == null ? "" : text.strip();
        // A space after the last word ends it (no prefix completion, see Parsed), so one trailing space is kept.
        boolean lastWordEnded = !words.isEmpty() && Character.isWhitespace(text.charAt(text.length() - 1));
        String query = lastWordEnded ? words + " " : words;
        if (words.length() > MAX_TEXT) {
            problems.add(new FieldProblem(
                    "q",
                    "is " + words.length() + " characters long; searches are limited to " + MAX_TEXT
                            + " characters, so keep the few words that matter"));
        } else if (words.split("\\s+").length > MAX_WORDS) {
            problems.add(new FieldProblem(
                    "q", "has more than " + MAX_WORDS + " words; keep the few words that matter, or use filters"));
        }
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = filterParameters.getOrDefault(facet.dimension, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .distinct()
                    .toList();
            if (values.size() > 20 || values.stream().anyMatch(v -> v.length() > 200)) {
                problems.add(
                        new FieldProblem(facet.dimension, "takes at most 20 values of at most 200 characters each"));
            } else if (!values.isEmpty()) {
                filters.put(facet, values);
            }
        }
        Order chosen = Order.RELEVANCE;
        if (order != null && !order.isBlank()) {
            try {
                chosen = Order.valueOf(order.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("sort", "must be relevance, updated or name"));
            }
        }
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
            pageSize = DEFAULT_SIZE;
        }
        int pageNumber = page == null ? 1 : page;
        if (pageNumber < 1) {
            problems.add(new FieldProblem("page", "must be 1 or more"));
        } else if ((long) pageNumber * pageSize > MAX_DEPTH) {
            problems.add(new FieldProblem(
                    "page",
                    "goes beyond the first " + MAX_DEPTH
                            + " results, which is as deep as search pages go; add words or filters to narrow it"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.malformed("The search cannot be run as asked", problems);
        }
        return new SearchRequest(query, filters, chosen, pageNumber, pageSize);
    }
}
