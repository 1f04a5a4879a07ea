package io.signalbox.catalog.descriptor;

import io.signalbox.catalog.model.Classification;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The classification names a descriptor may use: the four levels ({@link Classification}, fixed, because their order
 * decides a product's label) and the council's aliases for them, names other tools write (datacontract-cli exports
 * {@code sensitive}) that are read as a level. Names are matched without regard to case or surrounding spaces.
 *
 * @param aliases each alias (lowercase) with the level it stands for
 */
public record ClassificationVocabulary(Map<String, Classification> aliases) {

    /** The four levels and no aliases: what a descriptor is read with when no council vocabulary is at hand. */
    public static final ClassificationVocabulary STANDARD = new ClassificationVocabulary(Map.of());

    public ClassificationVocabulary {
        aliases = Map.copyOf(new TreeMap<>(aliases.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().strip().toLowerCase(Locale.ROOT), Map.Entry::getValue))));
    }

    /** The level a council alias stands for, if {@code name} is one (case-insensitive). */
    public Optional<Classification> aliasFor(String name) {
        return Optional.ofNullable(aliases.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The names to choose from, in words: {@code public, internal, confidential or restricted}, followed by the
     * aliases when the council keeps some ({@code , or an alias: sensitive (read as confidential)}).
     */
    public String choices() {
        String levels = Arrays.stream(Classification.values())
                .map(Classification::label)
                .collect(Collectors.joining(", "))
                .replaceFirst(", (\\w+)$", " or $1");
        if (aliases.isEmpty()) {
            return levels;
        }
        return levels + ", or an alias the council keeps: "
                + new TreeMap<>(aliases)
                        .entrySet().stream()
                                .map(e ->
                                        e.getKey() + " (read as " + e.getValue().label() + ")")
                                .collect(Collectors.joining(", "));
    }
}
