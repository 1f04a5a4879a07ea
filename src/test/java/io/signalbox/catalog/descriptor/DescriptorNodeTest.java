package io.signalbox.catalog.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.web.FieldProblem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading one mapping of a descriptor field by field: every mistake recorded with its full path, none thrown. */
class DescriptorNodeTest {

    private final Reading reading = new Reading(ClassificationVocabulary.STANDARD);
    private final List<FieldProblem> problems = reading.problems;

    private DescriptorNode node(Object... keysAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new DescriptorNode(fields, "product", reading);
    }

    private static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t" + i).toList();
    }

    @Test
    void pathsAreJoinedWithDotsFromTheNodesOwn() {
        assertThat(node().path("name")).isEqualTo("product.name");
        assertThat(new DescriptorNode(Map.of(), "", reading).path("name")).isEqualTo("name");
        assertThat(node().path()).isEqualTo("product");
    }

    @Test
    void aProblemWithoutAKeyIsTheNodesOwn() {
        node().problem(null, "is wrong");

        assertThat(problems).containsExactly(new FieldProblem("product", "is wrong"));
    }

    // ---- text ----

    @Test
    void textIsStrippedAndBlankCountsAsAbsent() {
        DescriptorNode node = node("name", "  Service inventory \n", "blank", "   ");

        assertThat(node.text("name", 200)).isEqualTo("Service inventory");
        assertThat(node.text("blank", 200)).isNull();
        assertThat(node.text("missing", 200)).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void textAsLongAsAllowedIsRead() {
        assertThat(node("name", "x".repeat(200)).text("name", 200)).hasSize(200);
        assertThat(problems).isEmpty();
    }

    @Test
    void textLongerThanAllowedIsAProblem() {
        assertThat(node("name", "x".repeat(201)).text("name", 200)).isNull();

        assertThat(problems)
                .containsExactly(new FieldProblem("product.name", "is 201 characters long; at most 200 are accepted"));
    }

    @Test
    void aNumberWhereTextIsExpectedIsAProblemThatSaysToQuoteIt() {
        assertThat(node("version", 1.0).text("version", 20)).isNull();
        assertThat(node("flag", true).text("flag", 20)).isNull();

        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.version", "must be text, not a number (1.0) (put it in quotes)"),
                        new FieldProblem("product.flag", "must be text, not a boolean"));
    }

    @Test
    void missingRequiredTextIsAProblemOnce() {
        DescriptorNode node = node("name", 5);

        assertThat(node.requiredText("id", 20)).isNull();
        assertThat(node.requiredText("name", 20)).isNull();

        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.id", "is required"),
                        new FieldProblem("product.name", "must be text, not a number (5) (put it in quotes)"));
    }

    @Test
    void aScalarIsReadAsTextWhateverItsType() {
        DescriptorNode node = node("value", 99.5, "flag", false, "text", " daily ", "list", List.of("a"));

        assertThat(node.scalarText("value", 10)).isEqualTo("99.5");
        assertThat(node.scalarText("flag", 10)).isEqualTo("false");
        assertThat(node.scalarText("text", 10)).isEqualTo("daily");
        assertThat(node.scalarText("missing", 10)).isNull();
        assertThat(node.scalarText("list", 10)).isNull();
        assertThat(node("long", 123456).scalarText("long", 5)).isNull();

        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.list", "must be a single value, not a list"),
                        new FieldProblem("product.long", "is 6 characters long; at most 5 are accepted"));
    }

    @Test
    void textMustMatchItsPattern() {
        Pattern key = Pattern.compile("[a-z]+");
        DescriptorNode node = node("domain", "network", "bad", "Not A Key");

        assertThat(node.matching("domain", key, "is not a key", true, 40)).isEqualTo("network");
        assertThat(node.matching("bad", key, "is not a key", true, 40)).isNull();
        assertThat(node.matching("missing", key, "is not a key", false, 40)).isNull();
        assertThat(node.matching("absent", key, "is not a key", true, 40)).isNull();

        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.bad", "'Not A Key' is not a key"),
                        new FieldProblem("product.absent", "is required"));
    }

    @Test
    void longValuesAreShortenedInMessages() {
        assertThat(DescriptorNode.shorten("x".repeat(60))).isEqualTo("x".repeat(60));
        assertThat(DescriptorNode.shorten("x".repeat(61))).isEqualTo("x".repeat(60) + "…");
    }

    @Test
    void valuesAreDescribedAsAnAuthorWouldSayThem() {
        assertThat(DescriptorNode.describe(Map.of())).isEqualTo("a mapping");
        assertThat(DescriptorNode.describe(List.of())).isEqualTo("a list");
        assertThat(DescriptorNode.describe("x")).isEqualTo("text");
        assertThat(DescriptorNode.describe(true)).isEqualTo("a boolean");
        assertThat(DescriptorNode.describe(42)).isEqualTo("a number (42)");
        assertThat(DescriptorNode.describe(null)).isEqualTo("nothing");
        assertThat(DescriptorNode.describe(new Object())).isEqualTo("a value of another kind");
    }

    // ---- booleans ----

    @Test
    void aBooleanIsReadOrTheDefaultTaken() {
        DescriptorNode node = node("yes", true, "no", false, "text", "maybe");

        assertThat(node.bool("yes", false)).isTrue();
        assertThat(node.bool("no", true)).isFalse();
        assertThat(node.bool("missing", true)).isTrue();
        assertThat(node.bool("missing", false)).isFalse();
        assertThat(node.bool("text", true)).isTrue();
        assertThat(node.bool("text", false)).isFalse();

        assertThat(problems)
                .extracting(FieldProblem::message)
                .containsExactly("must be true or false, not text", "must be true or false, not text");
        assertThat(reading.warnings).isEmpty();
    }

    @Test
    void aBooleanWrittenAsTextIsReadWithAWarningNamingTheField() {
        DescriptorNode node = node("pii", "True", "flag", " no ");

        assertThat(node.bool("pii", false)).isTrue();
        assertThat(node.bool("flag", true)).isFalse();

        assertThat(problems).isEmpty();
        assertThat(reading.warnings)
                .containsExactly(
                        new FieldProblem(
                                "product.pii", "'True' is text; it is read as true: write true without quotes"),
                        new FieldProblem(
                                "product.flag", "' no ' is text; it is read as false: write false without quotes"));
    }

    // ---- mappings and lists ----

    @Test
    void anObjectIsAChildNodeWithItsPath() {
        DescriptorNode node = node("description", Map.of("purpose", "Why"), "tags", List.of("a"));

        assertThat(node.object("description", true)).hasValueSatisfying(d -> {
            assertThat(d.path()).isEqualTo("product.description");
            assertThat(d.text("purpose", 10)).isEqualTo("Why");
        });
        assertThat(node.object("tags", false)).isEmpty();
        assertThat(node.object("missing", false)).isEmpty();
        assertThat(node.object("required", true)).isEmpty();

        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.tags", "must be a mapping of fields, not a list"),
                        new FieldProblem("product.required", "is required"));
    }

    @Test
    void aListOfObjectsIsReadEntryByEntryWithIndexedPaths() {
        DescriptorNode node = node("ports", List.of(Map.of("name", "a"), "oops", Map.of("name", "c")));

        List<DescriptorNode> ports = node.objects("ports", true, 3);

        assertThat(ports).extracting(DescriptorNode::path).containsExactly("product.ports[0]", "product.ports[2]");
        assertThat(problems)
                .containsExactly(new FieldProblem("product.ports[1]", "must be a mapping of fields, not text"));
    }

    @Test
    void aListOfObjectsIsLimited() {
        List<Map<String, Object>> three = List.of(Map.of(), Map.of(), Map.of());

        assertThat(node("ports", three).objects("ports", false, 3)).hasSize(3);
        assertThat(problems).isEmpty();
        assertThat(node("ports", three).objects("ports", false, 2)).isEmpty();
        assertThat(problems)
                .containsExactly(new FieldProblem("product.ports", "has 3 entries; at most 2 are accepted"));
    }

    @Test
    void aRequiredListNeedsAnEntry() {
        assertThat(node("ports", List.of()).objects("ports", true, 5)).isEmpty();
        assertThat(node().objects("ports", true, 5)).isEmpty();
        assertThat(node().objects("optional", false, 5)).isEmpty();
        assertThat(node("optional", List.of()).objects("optional", false, 5)).isEmpty();
        assertThat(node("ports", "main").objects("ports", false, 5)).isEmpty();

        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.ports", "is required: give at least one entry"),
                        new FieldProblem("product.ports", "is required: give at least one entry"),
                        new FieldProblem("product.ports", "must be a list, not text"));
    }

    @Test
    void aListOfTextIsStrippedEntryByEntry() {
        DescriptorNode node = node("tags", Arrays.asList(" service ", "", 5, null, "x".repeat(11), "x".repeat(10)));

        assertThat(node.texts("tags", 6, 10)).containsExactly("service", "x".repeat(10));

        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.tags[1]", "must be non-empty text, not text"),
                        new FieldProblem("product.tags[2]", "must be non-empty text, not a number (5)"),
                        new FieldProblem("product.tags[3]", "must be non-empty text, not nothing"),
                        new FieldProblem("product.tags[4]", "is longer than 10 characters"));
    }

    @Test
    void aListOfTextIsLimited() {
        assertThat(node("tags", numbered(3)).texts("tags", 3, 10)).hasSize(3);
        assertThat(node().texts("tags", 3, 10)).isEmpty();
        assertThat(problems).isEmpty();

        assertThat(node("tags", numbered(4)).texts("tags", 3, 10)).isEmpty();
        assertThat(node("tags", "service").texts("tags", 3, 10)).isEmpty();
        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.tags", "has 4 entries; at most 3 are accepted"),
                        new FieldProblem("product.tags", "must be a list of text, not text"));
    }

    @Test
    void customPropertiesAreReadByNameWithThePathOfTheirValue() {
        DescriptorNode node = node(
                "customProperties",
                List.of(
                        Map.of("property", "slug", "value", "service-inventory"),
                        Map.of("value", "orphan"),
                        Map.of("property", "classification", "value", 3)));

        Map<String, DescriptorNode.DescriptorValue> custom = node.customProperties();

        assertThat(custom).containsOnlyKeys("slug", "classification");
        assertThat(custom.get("slug").path()).isEqualTo("product.customProperties[0].value");
        assertThat(custom.get("slug").asFields().text("value", 100)).isEqualTo("service-inventory");
        assertThat(custom.get("classification").asFields().text("value", 100)).isNull();
        assertThat(problems)
                .containsExactly(
                        new FieldProblem("product.customProperties[1].property", "is required"),
                        new FieldProblem(
                                "product.customProperties[2].value",
                                "must be text, not a number (3) (put it in quotes)"));
    }
}
