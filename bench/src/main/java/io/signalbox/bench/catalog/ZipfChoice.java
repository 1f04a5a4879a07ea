package io.signalbox.bench.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws items from a list with Zipf probabilities: the item of rank k (from 1) is drawn with probability
 * proportional to 1 / k^s. Word frequencies in real text follow this law, which is what makes search hard: a few
 * terms with huge posting lists, a long tail of rare ones.
 */
public final class ZipfChoice<T> {

    private final List<T> items;
    private final double[] cumulative;

    public ZipfChoice(List<T> items, double exponent) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int rank = 1; rank <= items.size(); rank++) {
            sum += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
    }

    /** The usual exponent for words in text. */
    public static <T> ZipfChoice<T> of(List<T> items) {
        return new ZipfChoice<>(items, 1.0);
    }

    public T draw(SplittableRandom random) {
        return items.get(drawIndex(random));
    }

    public int drawIndex(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return Math.min(index >= 0 ? index : -index - 1, cumulative.length - 1);
    }

    public List<T> items() {
        return items;
    }
}
