package io.signalbox.bench.catalog;

import static io.signalbox.bench.catalog.Words.joinWithAnd;
import static io.signalbox.bench.catalog.Words.sentenceCase;

import io.signalbox.bench.catalog.CatalogModel.ColumnRow;
import io.signalbox.bench.catalog.SyntheticCatalog.Title;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Markdown texts of a generated product: a purpose that names its subject, three of its columns, its source
 * system and what its consumers do with it; sometimes limitations and usage notes; a changelog line per version.
 */
final class SyntheticProse {

    private final ZipfChoice<String> codeNames;
    private final ZipfChoice<String> qualifiers = ZipfChoice.of(TelcoVocabulary.QUALIFIERS);
    private final ZipfChoice<String> goals = ZipfChoice.of(TelcoVocabulary.GOALS);
    private final ZipfChoice<String> systemKinds = ZipfChoice.of(TelcoVocabulary.SYSTEM_KINDS);
    private final ZipfChoice<String> freshness = ZipfChoice.of(TelcoVocabulary.FRESHNESS);

    SyntheticProse(ZipfChoice<String> codeNames) {
        this.codeNames = codeNames;
    }

    String purpose(
            SplittableRandom random,
            Title title,
            List<ColumnRow> columns,
            String source,
            String fresh,
            String teamName) {
        List<String> mentioned = new ArrayList<>();
        for (int i = 1; i < columns.size() && mentioned.size() < 3; i++) {
            String name = columns.get(i).name();
            if (!TelcoVocabulary.COMMON_COLUMNS.contains(name)) {
                mentioned.add(name.replace('_', ' '));
            }
        }
        StringBuilder purpose = new StringBuilder("One row per ").append(title.subject());
        purpose.append(
                switch (title.qualifier()) {
                    case "daily" -> " and day";
                    case "hourly" -> " and hour";
                    case "monthly" -> " and month";
                    case "weekly" -> " and week";
                    case "historical" -> " ever recorded";
                    case "current" -> " as it stands today";
                    default -> "";
                });
        if (!mentioned.isEmpty()) {
            purpose.append(", with its ").append(joinWithAnd(mentioned));
        }
        purpose.append(". Sourced from the ")
                .append(source)
                .append(" and refreshed ")
                .append(fresh)
                .append(". ");
        purpose.append(teamName)
                .append(" publishes it so that others can ")
                .append(goals.draw(random))
                .append('.');
        if (random.nextBoolean()) {
            purpose.append(" Part of the ")
                    .append(codeNames.draw(random))
                    .append(" programme for ")
                    .append(qualifiers.draw(random))
                    .append(' ')
                    .append(title.domain().subjects().draw(random))
                    .append(" data.");
        }
        return purpose.toString();
    }

    /** A source system: a code name and a kind, "the Kavoru mediation platform". */
    String source(SplittableRandom random) {
        return codeNames.draw(random) + " " + systemKinds.draw(random);
    }

    String freshness(SplittableRandom random) {
        return freshness.draw(random);
    }

    String limitations(SplittableRandom random, Title title, String source) {
        return switch (random.nextInt(3)) {
            case 0 ->
                sentenceCase(title.subject()) + " records before " + (2019 + random.nextInt(5)) + " are incomplete.";
            case 1 -> "Does not include " + qualifiers.draw(random) + " " + title.subject() + " records.";
            default -> "Counts can lag the " + source + " by up to a day.";
        };
    }

    String usage(SplittableRandom random, List<ColumnRow> columns, String otherSubject) {
        String key = columns.get(0).name();
        return random.nextBoolean()
                ? "Join on `" + key + "`; filter on the latest `snapshot_date` for the current state."
                : "Join on `" + key + "` to " + otherSubject + " products.";
    }

    String changelog(SplittableRandom random, String version, List<ColumnRow> columns, Title title) {
        if (version.equals("1.0.0") || version.startsWith("0.")) {
            return "First publication.";
        }
        String column = columns.get(random.nextInt(columns.size())).name();
        return switch (random.nextInt(4)) {
            case 0 -> "Adds `" + column + "`.";
            case 1 -> "**Breaking change**: `" + column + "_old` is removed; use `" + column + "`.";
            case 2 ->
                "Fixes the " + title.shape() + " for " + qualifiers.draw(random) + " " + title.subject() + " records.";
            default -> "Refreshes " + freshness.draw(random) + " instead of weekly.";
        };
    }
}
