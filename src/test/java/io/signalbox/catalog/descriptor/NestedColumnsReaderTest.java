package io.signalbox.catalog.descriptor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.Classification;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields nested in a column (an object's properties, an array's items, and any mix of them) become columns named by
 * their path, with their container, depth and classification; too deep a structure is refused by its path.
 */
class NestedColumnsReaderTest {

    private static Descriptors orders() {
        return Descriptors.product("network").table("orders").withoutColumns();
    }

    private static List<ColumnSpec> columns(Descriptors builder) {
        return DescriptorReader.read(builder.yaml().getBytes(UTF_8), DescriptorFormat.YAML)
                .columns();
    }

    private static List<FieldProblem> refusal(Descriptors builder) {
        Refusal refused = catchThrowableOfType(
                Refusal.class, () -> DescriptorReader.read(builder.yaml().getBytes(UTF_8), DescriptorFormat.YAML));
        assertThat(refused).as("the descriptor is refused").isNotNull();
        return refused.problems();
    }

    /** The example: an order reference and an array of order lines, each with a SKU and a quantity. */
    static Descriptors ordersWithLines() {
        return orders().columnYaml("""
                      - name: order_ref
                        logicalType: string
                        classification: internal
                      - name: lines
                        logicalType: array
                        classification: internal
                        items:
                          logicalType: object
                          properties:
                            - name: sku
                              logicalType: string
                            - name: quantity
                              logicalType: integer
                """);
    }

    @Test
    void theFieldsOfAnArraysItemsAreColumnsNamedArrayBracketsField() {
        assertThat(columns(ordersWithLines()))
                .extracting(
                        ColumnSpec::objectName,
                        ColumnSpec::name,
                        ColumnSpec::logicalType,
                        ColumnSpec::parent,
                        ColumnSpec::depth)
                .containsExactly(
                        tuple("orders", "order_ref", "string", null, 0),
                        tuple("orders", "lines", "array", null, 0),
                        tuple("orders", "lines[].sku", "string", "lines", 1),
                        tuple("orders", "lines[].quantity", "integer", "lines", 1));
    }

    @Test
    void arraysOfObjectsInsideObjectsAndArraysOfPlainValuesAreReadToTheBottom() {
        Descriptors product = orders().columnYaml("""
                      - name: customer
                        logicalType: object
                        properties:
                          - name: addresses
                            logicalType: array
                            items:
                              properties:
                                - name: city
                                  logicalType: string
                                - name: phones
                                  logicalType: array
                                  items:
                                    logicalType: string
                                    physicalType: varchar(20)
                      - name: matrix
                        logicalType: array
                        items:
                          logicalType: array
                          items:
                            properties:
                              - name: x
                                logicalType: number
                """);

        assertThat(columns(product))
                .extracting(ColumnSpec::name, ColumnSpec::logicalType, ColumnSpec::parent, ColumnSpec::depth)
                .containsExactly(
                        tuple("customer", "object", null, 0),
                        tuple("customer.addresses", "array", "customer", 1),
                        tuple("customer.addresses[].city", "string", "customer.addresses", 2),
                        tuple("customer.addresses[].phones", "array", "customer.addresses", 2),
                        tuple("customer.addresses[].phones[]", "string", "customer.addresses[].phones", 3),
                        tuple("matrix", "array", null, 0),
                        tuple("matrix[]", "array", "matrix", 1),
                        tuple("matrix[][].x", "number", "matrix[]", 2));
        assertThat(columns(product).get(4).physicalType()).isEqualTo("varchar(20)");
    }

    @Test
    void aNestedFieldWithoutClassificationTakesItsContainersAndOneWithItsOwnKeepsIt() {
        Descriptors product = orders().columnYaml("""
                      - name: lines
                        logicalType: array
                        classification: internal
                        items:
                          properties:
                            - name: sku
                              logicalType: string
                            - name: customer_email
                              logicalType: string
                              classification: restricted
                              customProperties:
                                - property: pii
                                  value: true
                            - name: promotion
                              logicalType: object
                              classification: public
                              properties:
                                - name: code
                                  logicalType: string
                      - name: shipment
                        logicalType: array
                        classification: internal
                        items:
                          classification: confidential
                          properties:
                            - name: address
                              logicalType: string
                      - name: notes
                        logicalType: array
                        items:
                          logicalType: string
                """);

        assertThat(columns(product))
                .extracting(
                        ColumnSpec::name,
                        ColumnSpec::classification,
                        ColumnSpec::classificationInherited,
                        ColumnSpec::pii)
                .containsExactly(
                        tuple("lines", Classification.INTERNAL, false, false),
                        tuple("lines[].sku", Classification.INTERNAL, true, false),
                        tuple("lines[].customer_email", Classification.RESTRICTED, false, true),
                        tuple("lines[].promotion", Classification.PUBLIC, false, false),
                        tuple("lines[].promotion.code", Classification.PUBLIC, true, false),
                        tuple("shipment", Classification.INTERNAL, false, false),
                        tuple("shipment[].address", Classification.CONFIDENTIAL, true, false),
                        tuple("notes", null, false, false),
                        tuple("notes[]", null, false, false));
    }

    @Test
    void personalDataIsNeverInheritedFromAContainer() {
        Descriptors product = orders().columnYaml("""
                      - name: customer
                        logicalType: object
                        classification: confidential
                        customProperties:
                          - property: pii
                            value: true
                          - property: accessNote
                            value: Ask the DPO
                        properties:
                          - name: segment
                            logicalType: string
                """);

        assertThat(columns(product))
                .extracting(ColumnSpec::name, ColumnSpec::pii, ColumnSpec::accessNote)
                .containsExactly(tuple("customer", true, "Ask the DPO"), tuple("customer.segment", false, null));
    }

    @Test
    void problemsInsideItemsNameTheirPlaceInTheDocument() {
        Descriptors product = orders().columnYaml("""
                      - name: order_ref
                        logicalType: string
                      - name: lines
                        logicalType: array
                        items:
                          properties:
                            - name: sku
                              logicalType: text
                              classification: secret
                            - logicalType: integer
                      - name: tags
                        logicalType: array
                        items: [string]
                """);

        assertThat(refusal(product))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactlyInAnyOrder(
                        tuple(
                                "contracts[0].schema[0].properties[1].items.properties[0].logicalType",
                                "'text' is not an ODCS logical type: use one of array, boolean, date, integer, map, number,"
                                        + " object, string, time, timestamp"),
                        tuple(
                                "contracts[0].schema[0].properties[1].items.properties[0].classification",
                                "'secret' is not a classification: use public, internal, confidential or restricted"),
                        tuple("contracts[0].schema[0].properties[1].items.properties[1].name", "is required"),
                        tuple("contracts[0].schema[0].properties[2].items", "must be a mapping of fields, not a list"));
    }

    /** {@code a.b.c…}: {@code levels} objects, each holding the next, the last holding a string {@code leaf}. */
    private static Descriptors objectsNested(int levels) {
        StringBuilder yaml = new StringBuilder();
        String indent = "      ";
        for (int level = 0; level < levels; level++) {
            yaml.append(indent).append("- name: n").append(level).append('\n');
            yaml.append(indent).append("  logicalType: object\n");
            yaml.append(indent).append("  properties:\n");
            indent += "    ";
        }
        yaml.append(indent).append("- name: leaf\n");
        yaml.append(indent).append("  logicalType: string\n");
        return orders().columnYaml(yaml.toString());
    }

    /** {@code a[].b[]…}: {@code levels} arrays of objects, each holding the next, the last holding a string. */
    private static Descriptors arraysNested(int levels) {
        StringBuilder yaml = new StringBuilder();
        String indent = "      ";
        for (int level = 0; level < levels; level++) {
            yaml.append(indent).append("- name: a").append(level).append('\n');
            yaml.append(indent).append("  logicalType: array\n");
            yaml.append(indent).append("  items:\n");
            yaml.append(indent).append("    properties:\n");
            indent += "      ";
        }
        yaml.append(indent).append("- name: leaf\n");
        yaml.append(indent).append("  logicalType: string\n");
        return orders().columnYaml(yaml.toString());
    }

    @Test
    void aColumnSixLevelsBelowItsTopLevelColumnIsRead() {
        List<ColumnSpec> objects = columns(objectsNested(6));
        assertThat(objects.get(objects.size() - 1))
                .extracting(ColumnSpec::name, ColumnSpec::depth)
                .containsExactly("n0.n1.n2.n3.n4.n5.leaf", 6);

        List<ColumnSpec> arrays = columns(arraysNested(6));
        assertThat(arrays.get(arrays.size() - 1))
                .extracting(ColumnSpec::name, ColumnSpec::depth)
                .containsExactly("a0[].a1[].a2[].a3[].a4[].a5[].leaf", 6);
    }

    @Test
    void aColumnSevenLevelsBelowItsTopLevelColumnIsRefusedByItsPath() {
        List<FieldProblem> problems = refusal(objectsNested(7));

        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple(
                        "contracts[0].schema[0]" + ".properties[0]".repeat(8) + ".name",
                        "puts 'n0.n1.n2.n3.n4.n5.n6.leaf' 7 levels below its top-level column; at most 6 are read:"
                                + " flatten the structure"));
    }

    @Test
    void nestedColumnsCountTowardsTheTwoThousandColumns() {
        assertThat(columns(ordersWithLinesAndMoreColumns(2_000))).hasSize(2_000);

        assertThat(refusal(ordersWithLinesAndMoreColumns(2_001)))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple("contracts", "declare 2001 columns; at most 2000 are accepted"));
    }

    /** The four columns (two of them nested) and more top-level ones, {@code total} in all. */
    private static Descriptors ordersWithLinesAndMoreColumns(int total) {
        Descriptors product = ordersWithLines();
        for (int i = 0; i < total - 4; i++) {
            product.columnYaml("      - name: c" + i + "\n");
        }
        return product;
    }

    @Test
    void anArrayPathLongerThanTwoHundredAndFiftySixCharactersIsRefused() {
        Descriptors product = orders().columnYaml("      - name: " + "p".repeat(126) + "\n"
                + "        logicalType: array\n"
                + "        items:\n"
                + "          properties:\n"
                + "            - name: " + "c".repeat(128) + "\n");

        assertThat(refusal(product))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple(
                        "contracts[0].schema[0].properties[0].items.properties[0].name",
                        "makes the nested column name '" + "p".repeat(60)
                                + "…' longer than 256 characters; flatten the structure"));
    }
}
