package io.signalbox.search;

import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text becomes terms. Catalog text mixes prose with identifiers ({@code customer_email},
 * {@code network.service-inventory}), so underscores and dots separate words before the standard tokenizer runs.
 * English fields are stemmed ("invoices" finds "invoice"); the plain field is not, so that prefixes and typos are
 * matched against words as people type them.
 */
final class Analysis {

    private static final Pattern IDENTIFIER_SEPARATORS = Pattern.compile("[_.]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Between the parts of an identifier: {@code _ . - /} and the like, a lower-to-upper case change, an acronym's end. */
    private static final Pattern IDENTIFIER_BREAKS =
            Pattern.compile("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private static final Pattern CASE_CHANGE =
            Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    /** Stemmed English, stop words removed. */
    static final Analyzer ENGLISH = new CatalogAnalyzer(true);

    /** Lowercased and folded words, no stemming, no stop words. */
    static final Analyzer PLAIN = new CatalogAnalyzer(false);

    /** The analyzer for each field; fields not named here are keywords. */
    static Analyzer perField() {
        Analyzer keyword = new KeywordAnalyzer();
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (String field : ProductDocuments.ENGLISH_FIELDS) {
            analyzers.put(field, ENGLISH);
        }
        analyzers.put(ProductDocuments.PLAIN, PLAIN);
        return new PerFieldAnalyzerWrapper(keyword, analyzers);
    }

    /**
     * The form in which a query "equals" a product's key or title: case, accents, punctuation and spaces ignored.
     * {@code Network Service-Inventory!} and {@code network.service_inventory} both become
     * {@code networkserviceinventory}.
     */
    static String exactForm(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return NOT_LETTER_OR_DIGIT.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * The parts of an identifier, lowercased: split at {@code _ . - /} and at case changes, so that
     * {@code lakehouse.network.service_inventory_v2} gives lakehouse, network, service, inventory, v2 and
     * {@code chargeType} gives charge, type.
     */
    static List<String> identifierParts(String identifier) {
        List<String> parts = new ArrayList<>();
        if (identifier == null) {
            return parts;
        }
        for (String part : IDENTIFIER_BREAKS.split(identifier.strip())) {
            if (!part.isEmpty()) {
                parts.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return parts;
    }

    /** Whether a typed word is an identifier of several parts ({@code customer_email}, {@code chargeType}, a UUID). */
    static boolean isCompoundIdentifier(String word) {
        return identifierParts(word).size() > 1;
    }

    /**
     * An identifier as text to analyse: kept whole, with its case-change parts beside it, because the analyzers split
     * at {@code _ .} and punctuation but not at case changes: {@code chargeType} → {@code chargeType charge Type}.
     */
    static String identifierText(String identifier) {
        if (identifier == null) {
            return "";
        }
        String parts = splitAtCaseChanges(identifier);
        return parts.equals(identifier) ? identifier : identifier + " " + parts;
    }

    /** {@code chargeType} → {@code charge Type}; what the analyzers split already is left as it is. */
    static String splitAtCaseChanges(String text) {
        return CASE_CHANGE.matcher(text).replaceAll(" ");
    }

    private Analysis() {}

    private static final class CatalogAnalyzer extends Analyzer {
        private final boolean english;

        CatalogAnalyzer(boolean english) {
            this.english = english;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PatternReplaceCharFilter(IDENTIFIER_SEPARATORS, " ", reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            if (english) {
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }

        /** Values of a multi-valued field are far apart, so a phrase never spans two columns or two tags. */
        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
