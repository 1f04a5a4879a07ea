package io.signalbox.bench.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Made-up but pronounceable words ("Kavoru", "Telmeq"): the code names of systems, programmes and projects that fill a
 * real catalog's texts. They give the index a large vocabulary with a long tail of rare terms, which a handful of
 * fixed telco words alone would not.
 */
public final class LongTail {

    private static final String[] ONSETS = {
        "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st", "kr", "pl"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "eo", "ia"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "x", "l", "q", "m"};

    private LongTail() {}

    /** {@code count} distinct capitalised words, always the same ones for the same seed. */
    public static List<String> words(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(2);
            for (int i = 0; i < syllables; i++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            word.append(CODAS[random.nextInt(CODAS.length)]);
            words.add(Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(words);
    }
}
