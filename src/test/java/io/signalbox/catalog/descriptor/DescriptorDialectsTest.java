package io.signalbox.catalog.descriptor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values the standards allow and the dialects of common tools (issue 11 A3, A4): ODPS v1.1 {@code deprecated}, ODCS
 * v3.1 and v3.2 logical types, several versions of one output port, text booleans and classification aliases. What
 * is accepted with a warning says so with the field path and the exact words the publisher sees.
 */
class DescriptorDialectsTest {

    private static final ClassificationVocabulary COUNCIL =
            new ClassificationVocabulary(Map.of("sensitive", Classification.CONFIDENTIAL));

    private static ProductDescriptor read(String yaml, ClassificationVocabulary vocabulary) {
        return DescriptorReader.read(yaml.getBytes(UTF_8), DescriptorFormat.YAML, vocabulary);
    }

    private static ProductDescriptor read(String yaml) {
        return read(yaml, ClassificationVocabulary.STANDARD);
    }

    private static Refusal.Invalid refused(String yaml, ClassificationVocabulary vocabulary) {
        return assertThrows(Refusal.Invalid.class, () -> read(yaml, vocabulary));
    }

    @Test
    void aDescriptorWithNothingToTellHasNoWarnings() {
        assertThat(read(Descriptors.product("network").yaml()).warnings()).isEmpty();
    }

    @Test
    void deprecatedTrueOnTheProductIsReadAsAClaimOfDeprecationWithAWarningSayingWhatGovernsIt() {
        String yaml =
                Descriptors.product("network").productLine("deprecated: true").yaml();

        ProductDescriptor descriptor = read(yaml);

        assertThat(descriptor.markedDeprecated()).isTrue();
        assertThat(descriptor.claimsEndOfLife()).isTrue();
        assertThat(descriptor.warnings())
                .containsExactly(new FieldProblem(
                        "product.deprecated",
                        "is read as status: deprecated: accepted while a deprecation notice covers the product (or"
                                + " this major line); the notice, not the descriptor, decides when it is retired"
                                + " (docs/descriptor.md §7)"));
    }

    @Test
    void deprecatedTrueOnAnOutputPortPublishesWithAWarningNamingThePort() {
        String yaml = Descriptors.product("network")
                .yaml()
                .replace("    type: table\n", "    type: table\n    deprecated: true\n");

        ProductDescriptor descriptor = read(yaml);

        assertThat(descriptor.outputPorts()).hasSize(1);
        assertThat(descriptor.warnings())
                .containsExactly(new FieldProblem(
                        "product.outputPorts[0].deprecated",
                        "has no effect on the port: deprecation notices cover a whole product or a major line; to"
                                + " deprecate the port, say so in its description and publish a version without the"
                                + " port once consumers have moved, or issue a notice for the product (POST"
                                + " /api/products/{key}/deprecation) (docs/descriptor.md §7)"));
        assertThat(descriptor.claimsEndOfLife()).isFalse();
    }

    @Test
    void deprecatedFalseSaysNothing() {
        String yaml =
                Descriptors.product("network").productLine("deprecated: false").yaml();

        assertThat(read(yaml).warnings()).isEmpty();
        assertThat(read(yaml).markedDeprecated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"})
    void everyOdcs31LogicalTypeIsRead(String logicalType) {
        String yaml = Descriptors.product("network")
                .column("value_" + logicalType, logicalType, false, "internal", false, null, "A value")
                .yaml()
                .replace("apiVersion: v3.0.2", "apiVersion: v3.1.0");

        ProductDescriptor descriptor = read(yaml);

        assertThat(descriptor.columns())
                .filteredOn(c -> c.name().equals("value_" + logicalType))
                .extracting(ColumnSpec::logicalType)
                .containsExactly(logicalType);
    }

    private static final String MAP_COLUMN = """
                  - name: daily_counts
                    logicalType: map
                    physicalType: "MAP<STRING, INT>"
                    classification: internal
                    description: Daily counts keyed by metric name
                    map:
                      key:
                        logicalType: string
                      value:
                        logicalType: %s
                  """;

    @Test
    void anOdcs32MapOfSingleValuesIsReadAsAMapColumn() {
        String yaml = Descriptors.product("network")
                .columnYaml(MAP_COLUMN.formatted("integer").indent(6))
                .yaml()
                .replace("apiVersion: v3.0.2", "apiVersion: v3.2.0");

        ProductDescriptor descriptor = read(yaml);

        ColumnSpec column = descriptor.columns().stream()
                .filter(c -> c.name().equals("daily_counts"))
                .findFirst()
                .orElseThrow();
        assertThat(column.logicalType()).isEqualTo("map");
        assertThat(column.physicalType()).isEqualTo("MAP<STRING, INT>");
        assertThat(descriptor.warnings()).isEmpty();
    }

    @Test
    void anOdcs32MapOfObjectsIsRefusedNamingWhatIsRead() {
        String yaml = Descriptors.product("network")
                .columnYaml(MAP_COLUMN.formatted("object").indent(6))
                .yaml();

        Refusal.Invalid refusal = refused(yaml, ClassificationVocabulary.STANDARD);

        assertThat(refusal.problems())
                .containsExactly(new FieldProblem(
                        "contracts[0].schema[0].properties[2].map.value.logicalType",
                        "'object' is not read in a map value: Signalbox reads maps whose key and value are one of"
                                + " boolean, date, integer, number, string, time, timestamp; declare a map of objects"
                                + " or arrays as an object or array column instead, so that its fields are shown,"
                                + " classified and checked"));
    }

    @Test
    void aMapWithoutItsKeyAndValueIsRefused() {
        String yaml = Descriptors.product("network")
                .column("daily_counts", "map", false, "internal", false, null, "Counts")
                .yaml();

        assertThat(refused(yaml, ClassificationVocabulary.STANDARD).problems())
                .containsExactly(new FieldProblem(
                        "contracts[0].schema[0].properties[2].map",
                        "is required with logicalType: map: give map.key and map.value (ODCS v3.2, RFC 0030)"));
    }

    /** Two versions of the port rawtransactions, as in ODPS's customer-data-product example, one table each. */
    private static String twoVersionsOfOnePort(String secondPortVersion) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: fbe8d147-28db-4f1d-bedf-a3fe9f458427
                name: Customer Data Product
                domain: seller
                status: active
                version: 2.0.0
                description:
                  purpose: Enterprise view of a customer.
                team:
                  members:
                  - {username: john.doe@retailcorp.example, name: John Doe, role: owner}
                outputPorts:
                - name: rawtransactions
                  type: tables
                  version: 1.0.0
                  contractId: c2798941-1b7e-4b03-9e0d-955b1a872b32
                - name: rawtransactions
                  type: tables
                  version: %s
                  contractId: c2798941-1b7e-4b03-9e0d-955b1a872b33
                ---
                apiVersion: v3.1.0
                kind: DataContract
                id: c2798941-1b7e-4b03-9e0d-955b1a872b32
                schema:
                - name: transactions
                  properties:
                  - {name: txn_id, logicalType: string, classification: internal}
                  - {name: amount, logicalType: number, classification: internal}
                ---
                apiVersion: v3.1.0
                kind: DataContract
                id: c2798941-1b7e-4b03-9e0d-955b1a872b33
                schema:
                - name: transactions
                  properties:
                  - {name: txn_id, logicalType: string, classification: internal}
                  - {name: amount_cents, logicalType: integer, classification: internal}
                """.formatted(secondPortVersion);
    }

    @Test
    void twoVersionsOfOneOutputPortKeepBothPortsAndBothTables() {
        ProductDescriptor descriptor = read(twoVersionsOfOnePort("2.0.0"));

        assertThat(descriptor.outputPorts())
                .extracting(OutputPort::name, OutputPort::version, OutputPort::contractId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "rawtransactions", "1.0.0", "c2798941-1b7e-4b03-9e0d-955b1a872b32"),
                        org.assertj.core.groups.Tuple.tuple(
                                "rawtransactions", "2.0.0", "c2798941-1b7e-4b03-9e0d-955b1a872b33"));
        assertThat(descriptor.columns())
                .extracting(c -> c.objectName() + "." + c.name())
                .containsExactly(
                        "transactions.txn_id",
                        "transactions.amount",
                        "transactions@2.0.0.txn_id",
                        "transactions@2.0.0.amount_cents");
    }

    @Test
    void aSecondPortWithoutVersionKeepsItsTableUnderTheContractId() {
        String yaml = twoVersionsOfOnePort("2.0.0")
                .replace(
                        "  version: 2.0.0\n  contractId: c2798941-1b7e-4b03-9e0d-955b1a872b33",
                        "  contractId: c2798941-1b7e-4b03-9e0d-955b1a872b33");

        assertThat(read(yaml).columns())
                .extracting(ColumnSpec::objectName)
                .containsExactly(
                        "transactions",
                        "transactions",
                        "transactions@c2798941-1b7e-4b03-9e0d-955b1a872b33",
                        "transactions@c2798941-1b7e-4b03-9e0d-955b1a872b33");
    }

    @Test
    void oneContractNamingATableTwiceIsStillRefused() {
        String yaml = Descriptors.product("network")
                .yaml()
                .replace(
                        "schema:\n",
                        "schema:\n  - name: main\n    properties:\n      - {name: other, logicalType: string}\n");

        assertThat(refused(yaml, ClassificationVocabulary.STANDARD).problems())
                .containsExactly(new FieldProblem(
                        "contracts[0].schema[1].name",
                        "'main' names two schema objects of this contract; names must be unique"));
    }

    private static final String EXPORTED_COLUMN = """
                  - name: email
                    logicalType: string
                    classification: %s
                    description: Contact address
                    customProperties:
                      - property: pii
                        value: %s
                      - property: accessNote
                        value: Masked outside customer care
                  """;

    private static String exported(String classification, String pii) {
        return Descriptors.product("network")
                .columnYaml(EXPORTED_COLUMN
                        .formatted(classification, pii)
                        .stripIndent()
                        .indent(6))
                .yaml();
    }

    @Test
    void datacontractCliExportWithTextPiiAndSensitiveIsReadWithTwoWarnings() {
        ProductDescriptor descriptor = read(exported("sensitive", "'True'"), COUNCIL);

        ColumnSpec email = descriptor.columns().stream()
                .filter(c -> c.name().equals("email"))
                .findFirst()
                .orElseThrow();
        assertThat(email.pii()).isTrue();
        assertThat(email.classification()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(descriptor.warnings())
                .containsExactly(
                        new FieldProblem(
                                "contracts[0].schema[0].properties[2].classification",
                                "'sensitive' is the council's alias for confidential: read as confidential; write"
                                        + " confidential to say it directly"),
                        new FieldProblem(
                                "contracts[0].schema[0].properties[2].customProperties[0].value",
                                "'True' is text; it is read as true: write true without quotes"));
    }

    @ParameterizedTest
    @CsvSource({"True, true", "true, true", "TRUE, true", "yes, true", "No, false", "false, false"})
    void textBooleansAreReadWithAWarning(String raw, boolean expected) {
        ProductDescriptor descriptor = read(exported("confidential", "'" + raw + "'"));

        assertThat(descriptor.columns().get(2).pii()).isEqualTo(expected);
        assertThat(descriptor.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message())
                        .isEqualTo("'" + raw + "' is text; it is read as " + expected + ": write " + expected
                                + " without quotes"));
    }

    @Test
    void textThatIsNoBooleanIsStillRefused() {
        assertThat(refused(exported("confidential", "'maybe'"), ClassificationVocabulary.STANDARD)
                        .problems())
                .containsExactly(new FieldProblem(
                        "contracts[0].schema[0].properties[2].customProperties[0].value",
                        "must be true or false, not text"));
    }

    @Test
    void aTextBooleanOnRequiredIsReadToo() {
        String yaml = Descriptors.product("network").yaml().replaceFirst("required: true", "required: \"TRUE\"");

        ProductDescriptor descriptor = read(yaml);

        assertThat(descriptor.columns().get(0).required()).isTrue();
        assertThat(descriptor.warnings())
                .containsExactly(new FieldProblem(
                        "contracts[0].schema[0].properties[0].required",
                        "'TRUE' is text; it is read as true: write true without quotes"));
    }

    @Test
    void anUnknownClassificationIsRefusedNamingTheLevelsAndTheCouncilsAliases() {
        assertThat(refused(exported("secret", "true"), COUNCIL).problems())
                .containsExactly(new FieldProblem(
                        "contracts[0].schema[0].properties[2].classification",
                        "'secret' is not a classification: use public, internal, confidential or restricted, or an"
                                + " alias the council keeps: sensitive (read as confidential)"));
    }

    @Test
    void withoutTheCouncilsAliasSensitiveIsRefusedAsBefore() {
        assertThat(refused(exported("sensitive", "true"), ClassificationVocabulary.STANDARD)
                        .problems())
                .containsExactly(new FieldProblem(
                        "contracts[0].schema[0].properties[2].classification",
                        "'sensitive' is not a classification: use public, internal, confidential or restricted"));
    }

    @Test
    void theProductLabelMayUseAnAliasToo() {
        ProductDescriptor descriptor =
                read(Descriptors.product("network").classification("Sensitive").yaml(), COUNCIL);

        assertThat(descriptor.classification()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(descriptor.warnings())
                .extracting(FieldProblem::field)
                .containsExactly("product.customProperties[1].value");
    }
}
