package io.signalbox.bench.measure;

import io.signalbox.bench.catalog.LongTail;
import io.signalbox.bench.catalog.SyntheticCatalog;
import io.signalbox.bench.catalog.TelcoVocabulary;
import io.signalbox.bench.catalog.TelcoVocabulary.DomainWords;
import io.signalbox.bench.catalog.ZipfChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The queries every search measurement runs, Lucene's and PostgreSQL's alike: drawn from the generator's own
 * vocabulary with the same Zipf skew (so that some match thousands of products and some a handful), in four kinds a
 * person types: plain words, "quoted phrases", misspelt words that need fuzzy matching, and words with facet filters.
 * A misspelt word is only ever one edit away from a real one, which fuzzy matching of edit distance 1 or 2 finds.
 */
final class QuerySet {

    enum Kind {
        PLAIN,
        PHRASE,
        FUZZY,
        FACETED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Query(Kind kind, String text, String domain, String classification) {

        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("q", text);
            if (domain != null) {
                parameters.put("domain", domain);
            }
            if (classification != null) {
                parameters.put("classification", classification);
            }
            return parameters;
        }

        String apiPath() {
            Map<String, String> parameters = parameters();
            parameters.put("size", "20");
            return Portal.query("/api/search", parameters);
        }

        String pagePath() {
            return Portal.query("/search", parameters());
        }
    }

    private final List<Query> queries;

    private QuerySet(List<Query> queries) {
        this.queries = List.copyOf(queries);
    }

    List<Query> all() {
        return queries;
    }

    /**
     * The same queries for the same seed and catalog size. Phrases are taken from titles of the catalog's products
     * (people quote what they have seen); misspellings are made from the words products are named after.
     */
    static QuerySet generate(long seed, int products, int perKind) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        SyntheticCatalog catalog = new SyntheticCatalog(seed, 0);
        ZipfChoice<String> codeNames = new ZipfChoice<>(LongTail.words(seed, 5_000), 1.05);
        ZipfChoice<String> qualifiers = ZipfChoice.of(TelcoVocabulary.QUALIFIERS);
        ZipfChoice<String> shapes = ZipfChoice.of(TelcoVocabulary.SHAPES);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            DomainWords domain = domain(random);
            String subject = lower(ZipfChoice.of(domain.subjects()).draw(random));
            double shape = random.nextDouble();
            String plain;
            if (shape < 0.4) {
                plain = subject;
            } else if (shape < 0.65) {
                plain = subject + " " + lower(shapes.draw(random));
            } else if (shape < 0.8) {
                plain = ZipfChoice.of(domain.columns()).draw(random).split("_")[0];
            } else if (shape < 0.9) {
                plain = lower(codeNames.draw(random));
            } else {
                plain = lower(qualifiers.draw(random)) + " " + subject;
            }
            queries.add(new Query(Kind.PLAIN, plain, null, null));
        }
        while (queries.size() < 2 * perKind) {
            String[] words = lower(catalog.titleOf(random.nextInt(Math.max(1, products))))
                    .split(" ");
            int length = Math.min(words.length, 2 + random.nextInt(2));
            int from = random.nextInt(words.length - length + 1);
            List<String> phrase = Arrays.asList(words).subList(from, from + length);
            // "by region" is half a stop word: not a phrase anyone quotes.
            if (phrase.size() > 1
                    && !phrase.get(0).equals("by")
                    && !phrase.get(phrase.size() - 1).equals("by")) {
                queries.add(new Query(Kind.PHRASE, "\"" + String.join(" ", phrase) + "\"", null, null));
            }
        }
        while (queries.size() < 3 * perKind) {
            String subject = lower(ZipfChoice.of(domain(random).subjects()).draw(random));
            for (String word : subject.split(" ")) {
                if (word.length() >= 5 && word.chars().allMatch(Character::isLetter)) {
                    queries.add(new Query(Kind.FUZZY, misspell(random, word), null, null));
                    break;
                }
            }
        }
        for (int i = 0; i < perKind; i++) {
            DomainWords domain = domain(random);
            String subject = lower(ZipfChoice.of(domain.subjects()).draw(random));
            String classification = pick(random, new String[] {"internal", "confidential", "public", "restricted"});
            queries.add(new Query(Kind.FACETED, subject, domain.key(), classification));
        }
        return new QuerySet(queries);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** One typing slip: two letters swapped, one dropped, doubled or replaced; never the first letter. */
    static String misspell(SplittableRandom random, String word) {
        if (word.length() < 4) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default ->
                word.substring(0, at) + (char) ('a' + (word.charAt(at) - 'a' + 1 + 26) % 26) + word.substring(at + 1);
        };
    }

    private static DomainWords domain(SplittableRandom random) {
        double total =
                TelcoVocabulary.DOMAINS.stream().mapToDouble(DomainWords::share).sum();
        double target = random.nextDouble() * total;
        for (DomainWords domain : TelcoVocabulary.DOMAINS) {
            target -= domain.share();
            if (target < 0) {
                return domain;
            }
        }
        return TelcoVocabulary.DOMAINS.get(0);
    }

    /** Weighted towards the first values: 50, 30, 15, 5 per cent. */
    private static String pick(SplittableRandom random, String[] values) {
        double target = random.nextDouble();
        return target < 0.5 ? values[0] : target < 0.8 ? values[1] : target < 0.95 ? values[2] : values[3];
    }
}
