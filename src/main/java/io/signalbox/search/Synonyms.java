package io.signalbox.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Query-time synonyms from a small dictionary: "subscriber" also finds "customer". One direction per rule, so that
 * the council can say which word is canonical without making every pair symmetric.
 */
final class Synonyms {

    private final Map<String, List<String>> alternatives;

    private Synonyms(Map<String, List<String>> alternatives) {
        this.alternatives = alternatives;
    }

    List<String> of(String word) {
        return alternatives.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
    }

    /** The operator's file when configured, otherwise the dictionary shipped with Signalbox. */
    static Synonyms load(Optional<Path> operatorFile) {
        try {
            if (operatorFile.isPresent()) {
                return parse(
                        Files.readString(operatorFile.get(), StandardCharsets.UTF_8),
                        operatorFile.get().toString());
            }
            try (InputStream bundled = Synonyms.class.getResourceAsStream("/search/synonyms.txt")) {
                return parse(new String(bundled.readAllBytes(), StandardCharsets.UTF_8), "search/synonyms.txt");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the search synonyms", e);
        }
    }

    static Synonyms parse(String text, String source) {
        Map<String, List<String>> rules = new HashMap<>();
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            String[] sides = rule.split("=>", -1);
            if (sides.length != 2
                    || sides[0].isBlank()
                    || sides[1].isBlank()
                    || sides[0].strip().contains(" ")) {
                throw new IllegalArgumentException(
                        source + " line " + number + ": expected \"word => other, another\", found \"" + rule + "\"");
            }
            List<String> targets =
                    rules.computeIfAbsent(sides[0].strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            for (String target : sides[1].split(",")) {
                if (!target.isBlank()) {
                    targets.add(target.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new Synonyms(rules);
    }
}
