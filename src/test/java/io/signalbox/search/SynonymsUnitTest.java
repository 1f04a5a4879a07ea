package io.signalbox.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synonym dictionary: one direction per rule, words matched whatever their case, bad lines named. */
class SynonymsUnitTest {

    @Test
    void aWordAlsoFindsTheWordsItsRuleNames() {
        Synonyms synonyms = Synonyms.parse("subscriber => customer\nclient => customer, account holder", "test");

        assertThat(synonyms.of("subscriber")).containsExactly("customer");
        assertThat(synonyms.of("client")).containsExactly("customer", "account holder");
    }

    @Test
    void aRuleWorksInOneDirectionOnly() {
        Synonyms synonyms = Synonyms.parse("subscriber => customer", "test");

        assertThat(synonyms.of("customer")).isEmpty();
    }

    @Test
    void wordsAreMatchedAndExpandedInLowerCase() {
        Synonyms synonyms = Synonyms.parse("  MSISDN =>  Phone Number , E164  ", "test");

        assertThat(synonyms.of("msisdn")).containsExactly("phone number", "e164");
        assertThat(synonyms.of("Msisdn")).containsExactly("phone number", "e164");
    }

    @Test
    void rulesForTheSameWordAddUp() {
        Synonyms synonyms = Synonyms.parse("bill => invoice\nBILL => statement", "test");

        assertThat(synonyms.of("bill")).containsExactly("invoice", "statement");
    }

    @Test
    void commentsBlankLinesAndEmptyTargetsAreSkipped() {
        Synonyms synonyms = Synonyms.parse("# a comment => not a rule\n\n   \nplan => tariff, , offer,\n", "test");

        assertThat(synonyms.of("plan")).containsExactly("tariff", "offer");
        assertThat(synonyms.of("#")).isEmpty();
    }

    @Test
    void anUnknownWordHasNoSynonyms() {
        assertThat(Synonyms.parse("", "test").of("anything")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "no arrow here",
                "subscriber =>",
                "subscriber =>   ",
                " => customer",
                "two words => customer",
                "a => b => c"
            })
    void aMalformedRuleIsRefusedWithItsSourceAndLineNumber(String rule) {
        String text = "# synonyms\nsubscriber => customer\n" + rule + "\n";

        assertThatThrownBy(() -> Synonyms.parse(text, "/etc/signalbox/synonyms.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/etc/signalbox/synonyms.txt line 3: expected \"word => other, another\"")
                .hasMessageEndingWith("found \"" + rule.strip() + "\"");
    }

    @Test
    void theShippedDictionaryIsUsedUnlessTheOperatorHasOne() {
        Synonyms shipped = Synonyms.load(Optional.empty());

        assertThat(shipped.of("subscriber")).containsExactly("customer");
        assertThat(shipped.of("msisdn")).containsExactly("phone");
        assertThat(shipped.of("invoice")).containsExactly("bill");
        assertThat(shipped.of("bill")).containsExactly("invoice");
    }

    @Test
    void theOperatorsFileReplacesTheShippedDictionary(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(
                directory.resolve("synonyms.txt"), "ont => optical network terminal\n", StandardCharsets.UTF_8);

        Synonyms operators = Synonyms.load(Optional.of(file));

        assertThat(operators.of("ont")).containsExactly("optical network terminal");
        assertThat(operators.of("subscriber")).isEmpty();
    }

    @Test
    void aBadLineInTheOperatorsFileNamesTheFile(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("synonyms.txt"), "ont optical\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Synonyms.load(Optional.of(file))).hasMessageStartingWith(file + " line 1:");
    }

    @Test
    void anUnreadableOperatorsFileStopsWithTheReason(@TempDir Path directory) {
        Path missing = directory.resolve("missing.txt");

        assertThatThrownBy(() -> Synonyms.load(Optional.of(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Could not read the search synonyms");
    }
}
