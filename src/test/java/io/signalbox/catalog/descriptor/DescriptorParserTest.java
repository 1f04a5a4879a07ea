package io.signalbox.catalog.descriptor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.signalbox.testing.Descriptors;
import io.signalbox.web.ErrorMappers;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Turning a request body into documents, before anything is read from them: unreadable bodies are refused (400) with
 * a reason, hostile structure is refused without being built, and bodies that are not mappings are named (422).
 */
@Timeout(10)
class DescriptorParserTest {

    private static final DescriptorFormat YAML = DescriptorFormat.YAML;
    private static final DescriptorFormat JSON = DescriptorFormat.JSON;

    private static List<Map<String, Object>> parse(String text, DescriptorFormat format) {
        return DescriptorParser.parse(text.getBytes(UTF_8), format);
    }

    private static List<FieldProblem> refusals(byte[] body, DescriptorFormat format, int status) {
        Refusal refused = catchThrowableOfType(Refusal.class, () -> DescriptorParser.parse(body, format));
        assertThat(refused).as("the body is refused").isNotNull();
        assertThat(ErrorMappers.statusOf(refused)).isEqualTo(status);
        return refused.problems();
    }

    private static FieldProblem refusal(byte[] body, DescriptorFormat format, int status) {
        List<FieldProblem> problems = refusals(body, format, status);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static FieldProblem unreadable(String text, DescriptorFormat format) {
        FieldProblem problem = refusal(text.getBytes(UTF_8), format, 400);
        assertThat(problem.field()).isEqualTo("body");
        return problem;
    }

    private static String documents(int count) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("---\nkind: Note").append(i).append('\n');
        }
        return yaml.toString();
    }

    // ---- what is read ----

    @Test
    void eachYamlDocumentIsAMappingOfFields() {
        List<Map<String, Object>> documents = parse("kind: DataProduct\nname: A\n---\nkind: DataContract\n", YAML);

        assertThat(documents).extracting(d -> d.get("kind")).containsExactly("DataProduct", "DataContract");
        assertThat(documents.get(0)).containsEntry("name", "A");
    }

    @Test
    void emptyYamlDocumentsAreSkipped() {
        assertThat(parse("---\n---\nkind: DataProduct\n---\n", YAML)).hasSize(1);
    }

    @Test
    void aJsonArrayHoldsOneDocumentPerEntryWhateverTheContentType() {
        String array = "[{\"kind\": \"DataProduct\"}, {\"kind\": \"DataContract\"}]";

        assertThat(parse(array, JSON)).extracting(d -> d.get("kind")).containsExactly("DataProduct", "DataContract");
        assertThat(parse(array, YAML)).extracting(d -> d.get("kind")).containsExactly("DataProduct", "DataContract");
        assertThat(parse("{\"kind\": \"DataProduct\"}", JSON)).hasSize(1);
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(parse("\uFEFFkind: DataProduct\n", YAML).get(0)).containsEntry("kind", "DataProduct");
    }

    @Test
    void theYamlCoreSchemasOwnTagsAreAccepted() {
        Map<String, Object> document =
                parse("version: !!str 1.0\ncount: !!int \"3\"\n", YAML).get(0);

        assertThat(document).containsEntry("version", "1.0").containsEntry("count", 3);
    }

    @Test
    void twentyDocumentsAreAccepted() {
        assertThat(parse(documents(DescriptorParser.MAX_DOCUMENTS), YAML)).hasSize(20);
    }

    @Test
    void nestingTwentyFourLevelsDeepIsReadable() {
        String yaml = "a: " + "[".repeat(23) + "]".repeat(23) + "\n";
        String json = "{\"a\":" + "[".repeat(23) + "]".repeat(23) + "}";

        assertThat(parse(yaml, YAML)).hasSize(1);
        assertThat(parse(json, JSON)).hasSize(1);
    }

    // ---- unreadable bodies: 400 ----

    @ParameterizedTest
    @EnumSource(DescriptorFormat.class)
    void anEmptyBodyIsRefused(DescriptorFormat format) {
        assertThat(unreadable("", format).message()).startsWith("is empty");
        assertThat(unreadable(" \n\t\n", format).message()).startsWith("is empty");
    }

    @Test
    void aBodyWithoutADocumentIsRefused() {
        assertThat(unreadable("null", JSON).message()).contains("no document");
        assertThat(unreadable("---\n---\n", YAML).message()).contains("no document");
    }

    @Test
    void malformedYamlIsRefusedNamingTheLineAndColumn() {
        String yaml = Descriptors.product("network")
                .productField("tags", "[service, inventory")
                .yaml();

        FieldProblem problem = unreadable(yaml, YAML);

        assertThat(problem.message()).startsWith("is not valid YAML at line ").contains(", column ");
        assertThat(problem.message()).doesNotContain("org.snakeyaml", "Exception");
    }

    @Test
    void malformedJsonIsRefusedNamingTheLine() {
        String json = Descriptors.product("network").json();

        assertThat(unreadable(json.substring(0, json.length() - 12), JSON).message())
                .startsWith("is not valid JSON at line ");
        assertThat(unreadable("{\"kind\": \"DataProduct\"} {}", JSON).message()).startsWith("is not valid JSON");
    }

    @Test
    void duplicateKeysAreRefusedRatherThanOverwritten() {
        assertThat(unreadable("name: A\nname: B\n", YAML).message()).containsIgnoringCase("duplicate");
        assertThat(unreadable("{\"name\": \"A\", \"name\": \"B\"}", JSON).message())
                .containsIgnoringCase("duplicate");
    }

    @Test
    void binaryDataIsRefused() {
        byte[] random = new byte[4096];
        new Random(20240501L).nextBytes(random);
        random[17] = 0;

        assertThat(refusal(random, YAML, 400).message()).containsAnyOf("UTF-8", "binary");
        assertThat(unreadable("kind: Data\u0000Product\n", YAML).message()).startsWith("contains binary data");
        assertThat(unreadable("kind: Data\u0007Product\n", JSON).message()).startsWith("contains binary data");
    }

    @Test
    void tabsAndLineEndingsAreText() {
        assertThat(parse("kind: DataProduct\r\nname: \"A\tB\"\r\n", YAML).get(0))
                .containsEntry("name", "A\tB");
    }

    @Test
    void anInvalidUtf8SequenceIsRefused() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("purpose: caf".getBytes(UTF_8));
        body.write(0xC3);
        body.write(0x28);

        assertThat(refusal(body.toByteArray(), YAML, 400).message()).startsWith("is not UTF-8 text");
    }

    // ---- hostile bodies: 400, refused before they are built ----

    @Test
    void aYamlAliasBombIsRefusedAtItsFirstAnchor() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name)
                    .append(": &")
                    .append(name)
                    .append(" [*")
                    .append(previous)
                    .append(",*");
            bomb.append(previous).append("]\n");
            previous = String.valueOf(name);
        }

        assertThat(unreadable(bomb.toString(), YAML).message())
                .isEqualTo("uses a YAML anchor at line 1, column 4: anchors and aliases are not accepted; write the"
                        + " values out");
    }

    @Test
    void anAliasIsRefusedWhereItIsUsed() {
        assertThat(unreadable("a: 1\nb: *a\n", YAML).message()).startsWith("uses a YAML alias at line 2, column 4");
    }

    @Test
    void javaTypeTagsAreRefusedNamingTheTag() {
        String gadget = "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://example.invalid\"]]]]\n";

        assertThat(unreadable(gadget, YAML).message())
                .startsWith("uses the YAML type tag tag:yaml.org,2002:javax.script.ScriptEngineManager at line 1")
                .endsWith("type tags are not accepted; remove it");
        assertThat(unreadable("name: !custom \"Services\"\n", YAML).message()).contains("type tag !custom");
    }

    @Test
    void aVeryLongTagIsAbbreviated() {
        String tag = "!" + "t".repeat(100);

        assertThat(unreadable("name: " + tag + " x\n", YAML).message())
                .contains("type tag " + tag.substring(0, 80) + "… at line 1");
    }

    @Test
    void manyListsSideBySideAreNotNesting() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            yaml.append("list").append(i).append(": [[a], {b: c}]\n");
        }

        assertThat(parse(yaml.toString(), YAML).get(0)).hasSize(40);
    }

    @Test
    void aTagOfEightyCharactersIsNamedWhole() {
        String tag = "!" + "t".repeat(79);

        assertThat(unreadable("name: " + tag + " x\n", YAML).message()).contains("type tag " + tag + " at line 1");
    }

    @ParameterizedTest
    @CsvSource({"25, 'a: '", "25, ''", "5000, ''"})
    void yamlNestedDeeperThanTwentyFourLevelsIsRefused(int depth, String prefix) {
        String yaml = prefix + "[".repeat(depth) + "]".repeat(depth) + "\n";

        assertThat(unreadable(yaml, YAML).message()).startsWith("nests deeper than 24 levels at line 1");
    }

    @Test
    void yamlMappingsNestedTooDeeplyAreRefused() {
        String nested = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

        assertThat(unreadable(nested, YAML).message()).startsWith("nests deeper than 24 levels");
    }

    @Test
    void jsonNestedTooDeeplyIsRefused() {
        assertThat(unreadable("{\"a\":".repeat(5000) + "1" + "}".repeat(5000), JSON)
                        .message())
                .contains("nesting is deeper than 24 levels");
        assertThat(unreadable("[".repeat(5000) + "]".repeat(5000), JSON).message())
                .contains("nesting is deeper than 24 levels");
    }

    @Test
    void moreThanTwentyDocumentsAreRefused() {
        assertThat(unreadable(documents(21), YAML).message()).isEqualTo("holds more than 20 documents");

        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            array.append(i == 0 ? "" : ",").append("{\"kind\":\"Note\"}");
        }
        assertThat(unreadable(array.append(']').toString(), JSON).message()).isEqualTo("holds more than 20 documents");
    }

    @Test
    void anEscapedControlCharacterIsRefusedWhereItIs() {
        FieldProblem inYaml = refusal("name: \"Service\\0 inventory\"\n".getBytes(UTF_8), YAML, 400);
        FieldProblem inList = refusal("tags: [\"a\", \"b\\0c\"]\n".getBytes(UTF_8), YAML, 400);
        FieldProblem inJson = refusal("[{\"team\": {\"name\": \"A\\u0000\"}}]".getBytes(UTF_8), JSON, 400);

        assertThat(inYaml.field()).isEqualTo("documents[0].name");
        assertThat(inYaml.message()).startsWith("contains a control character");
        assertThat(inList.field()).isEqualTo("documents[0].tags[1]");
        assertThat(inJson.field()).isEqualTo("documents[0].team.name");
    }

    @Test
    void anEscapedControlCharacterInAKeyIsRefused() {
        FieldProblem problem = refusal("team:\n  \"na\\0me\": A\n".getBytes(UTF_8), YAML, 400);

        assertThat(problem.field()).isEqualTo("documents[0].team");
        assertThat(problem.message()).startsWith("contains a control character");
    }

    @Test
    void aKeyThatIsNotTextIsRefused() {
        FieldProblem problem = refusal("team:\n  1: one\n".getBytes(UTF_8), YAML, 400);

        assertThat(problem.field()).isEqualTo("documents[0].team");
        assertThat(problem.message()).startsWith("has a key that is not text (1)");
    }

    // ---- readable, but not a mapping: 422 ----

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "YAML | '- apiVersion\n- kind\n' | text",
                "YAML | 'just some text\n' | text",
                "YAML | '42\n' | a number (42)",
                "JSON | '\"just some text\"' | text",
                "JSON | '[[\"a\", \"b\"]]' | text",
                "JSON | '[1]' | a number (1)"
            })
    void aDocumentThatIsNotAMappingIsRefused(DescriptorFormat format, String body, String what) {
        List<FieldProblem> problems = refusals(body.getBytes(UTF_8), format, 422);
        FieldProblem problem = problems.get(0);

        assertThat(problems).extracting(FieldProblem::field).startsWith("documents[0]");
        assertThat(problem.message()).isEqualTo("must be a mapping of fields (apiVersion, kind, id, …), not " + what);
    }
}
