package io.signalbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which words a text yields in the index: identifiers split, case and accents folded, English stemmed. */
class AnalysisUnitTest {

    private static List<String> words(Analyzer analyzer, String field, String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }

    private static List<String> plain(String text) throws IOException {
        return words(Analysis.PLAIN, ProductDocuments.PLAIN, text);
    }

    private static List<String> english(String text) throws IOException {
        return words(Analysis.ENGLISH, ProductDocuments.DESCRIPTION, text);
    }

    @Test
    void identifiersAreSplitIntoTheirWords() throws IOException {
        assertThat(plain("customer_email")).containsExactly("customer", "email");
        assertThat(plain("network.service-inventory")).containsExactly("network", "service", "inventory");
        assertThat(plain("Service.service_id")).containsExactly("service", "service", "id");
    }

    @ParameterizedTest(name = "{0} has the parts {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "lakehouse.network.service_inventory_v2|lakehouse network service inventory v2",
                "customer_contact_phone|customer contact phone",
                "chargeType|charge type",
                "CustomerID|customer id",
                "HTTPStatusCode|http status code",
                "network-cdr-usage-events-v1|network cdr usage events v1",
                "7F3C2A90-5B1E-4D8A-9C6F-2E4B8D1A0C37|7f3c2a90 5b1e 4d8a 9c6f 2e4b8d1a0c37",
                "plain|plain",
            })
    void identifiersAreSplitAtSeparatorsAndCaseChanges(String identifier, String parts) {
        assertThat(Analysis.identifierParts(identifier)).containsExactly(parts.split(" "));
        assertThat(Analysis.isCompoundIdentifier(identifier)).isEqualTo(parts.contains(" "));
    }

    @Test
    void camelCaseIdentifiersAreIndexedWholeAndInParts() throws IOException {
        assertThat(plain(Analysis.identifierText("chargeType"))).containsExactly("chargetype", "charge", "type");
        assertThat(plain(Analysis.identifierText("customer_email"))).containsExactly("customer", "email");
        assertThat(plain(Analysis.splitAtCaseChanges("chargeType"))).containsExactly("charge", "type");
    }

    @Test
    void caseAndAccentsAreFolded() throws IOException {
        assertThat(plain("Café ZÜRICH Ærø")).containsExactly("cafe", "zurich", "aero");
    }

    @Test
    void canonicalIdentifierValuesKeepTheirDigits() throws IOException {
        assertThat(plain("SVC-0000012345")).containsExactly("svc", "0000012345");
    }

    @Test
    void possessivesAreDropped() throws IOException {
        assertThat(plain("the customer's invoices")).containsExactly("the", "customer", "invoices");
    }

    @Test
    void thePlainFieldKeepsStopWordsAndWholeWords() throws IOException {
        assertThat(plain("The invoices of customers")).containsExactly("the", "invoices", "of", "customers");
    }

    @Test
    void englishDropsStopWords() throws IOException {
        assertThat(english("the state of a service")).containsExactly("state", "servic");
    }

    @ParameterizedTest
    @CsvSource({
        "invoices, invoice",
        "customers, customer",
        "billing, billed",
        "Subscriptions, subscription",
        "customer's, customer"
    })
    void englishFindsOtherFormsOfAWord(String typed, String written) throws IOException {
        assertThat(english(typed)).isEqualTo(english(written)).hasSize(1);
    }

    @Test
    void onlyStopWordsYieldNothingInEnglish() throws IOException {
        assertThat(english("the of and")).isEmpty();
        assertThat(plain("the of and")).containsExactly("the", "of", "and");
    }

    @Test
    void eachFieldHasItsAnalyzer() throws IOException {
        Analyzer perField = Analysis.perField();

        for (String field : ProductDocuments.ENGLISH_FIELDS) {
            assertThat(words(perField, field, "The Invoices")).as(field).containsExactly("invoic");
        }
        assertThat(words(perField, ProductDocuments.PLAIN, "The Invoices")).containsExactly("the", "invoices");
        assertThat(words(perField, ProductDocuments.KEY, "network.Service-Inventory"))
                .as("fields not named are keywords")
                .containsExactly("network.Service-Inventory");
    }

    @Test
    void valuesOfOneFieldAreFarApartSoPhrasesNeverSpanThem() {
        assertThat(Analysis.PLAIN.getPositionIncrementGap(ProductDocuments.COLUMNS))
                .isEqualTo(100);
        assertThat(Analysis.ENGLISH.getPositionIncrementGap(ProductDocuments.DESCRIPTION))
                .isEqualTo(100);
    }

    @Test
    void queryTermsAreNormalisedLikeIndexedWords() {
        assertThat(Analysis.PLAIN.normalize(ProductDocuments.PLAIN, "ÉCOLE").utf8ToString())
                .isEqualTo("ecole");
        assertThat(Analysis.ENGLISH
                        .normalize(ProductDocuments.TITLE, "Invoices")
                        .utf8ToString())
                .as("normalising does not stem")
                .isEqualTo("invoices");
    }

    @Test
    void theExactFormIgnoresCaseAccentsPunctuationAndSpaces() {
        assertThat(Analysis.exactForm("Network Service-Inventory!")).isEqualTo("networkserviceinventory");
        assertThat(Analysis.exactForm("network.service_inventory")).isEqualTo("networkserviceinventory");
        assertThat(Analysis.exactForm("  Café Ünits 42 ")).isEqualTo("cafeunits42");
    }

    @Test
    void nothingOrOnlyPunctuationHasAnEmptyExactForm() {
        assertThat(Analysis.exactForm(null)).isEmpty();
        assertThat(Analysis.exactForm("")).isEmpty();
        assertThat(Analysis.exactForm(" -_.!? ")).isEmpty();
    }
}
