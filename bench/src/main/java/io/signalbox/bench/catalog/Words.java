package io.signalbox.bench.catalog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Small text shapes the generator needs: slugs, snake_case, sentence case, weighted picks. */
final class Words {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-+|-+$)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Words() {}

    /** "Réseau: Inventory" becomes "reseau-inventory". */
    static String slugify(String text) {
        String dashed = NOT_SLUG.matcher(ascii(text).toLowerCase(Locale.ROOT)).replaceAll("-");
        return EDGE_DASHES.matcher(dashed).replaceAll("");
    }

    static String snake(String text) {
        return slugify(text).replace('-', '_');
    }

    /** Accents and apostrophes removed, for e-mail addresses and slugs. */
    static String ascii(String text) {
        boolean plain = text.chars().allMatch(c -> c < 128 && c != '\'');
        if (plain) {
            return text;
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .replace("'", "");
    }

    /** Upper-cases the first letter unless the first word is an acronym or mixed case ("eNodeB", "5G", "OLT"). */
    static String sentenceCase(String text) {
        String firstWord = text.split(" ", 2)[0];
        if (!firstWord.equals(firstWord.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String titleCase(String text) {
        StringBuilder result = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!result.isEmpty()) {
                result.append(' ');
            }
            result.append(sentenceCase(word));
        }
        return result.toString();
    }

    /** "a, b and c". */
    static String joinWithAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** One of the values, each with its weight (a share in any unit: percentages read best). */
    static <T> T pick(SplittableRandom random, T[] values, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int target = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
