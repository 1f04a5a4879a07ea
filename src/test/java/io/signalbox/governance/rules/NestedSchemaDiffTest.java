package io.signalbox.governance.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.governance.rules.SchemaDiff.Change;
import io.signalbox.governance.rules.SchemaDiff.Kind;
import io.signalbox.testing.Descriptors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields nested in a column are compared like top-level columns, by their path, straight from what the reader made. */
class NestedSchemaDiffTest {

    private static String orders(String linesClassification, String... itemFields) {
        StringBuilder yaml = new StringBuilder("""
                      - name: order_ref
                        logicalType: string
                        classification: internal
                      - name: lines
                        logicalType: array
                """);
        if (linesClassification != null) {
            yaml.append("        classification: ").append(linesClassification).append('\n');
        }
        yaml.append("        items:\n          properties:\n");
        for (String field : itemFields) {
            yaml.append("            - name: ").append(field).append("\n              logicalType: string\n");
        }
        return yaml.toString();
    }

    private static List<Change> changes(String before, String after) {
        return SchemaDiff.compare(columnsOf(before), columnsOf(after));
    }

    private static List<SchemaDiff.Column> columnsOf(String columnYaml) {
        String yaml = Descriptors.product("network")
                .table("orders")
                .withoutColumns()
                .columnYaml(columnYaml)
                .yaml();
        return SchemaDiff.ofDescriptor(DescriptorReader.read(yaml.getBytes(UTF_8), DescriptorFormat.YAML)
                .columns());
    }

    @Test
    void removingAFieldOfAnArraysItemsIsABreakingColumnRemoval() {
        List<Change> changes = changes(orders("internal", "sku", "quantity"), orders("internal", "quantity"));

        assertThat(changes)
                .extracting(Change::kind, Change::column, Change::breaking)
                .containsExactly(tuple(Kind.COLUMN_REMOVED, "orders.lines[].sku", true));
    }

    @Test
    void addingAFieldToAnArraysItemsIsNotBreaking() {
        List<Change> changes = changes(orders("internal", "sku"), orders("internal", "sku", "discount_code"));

        assertThat(changes)
                .extracting(Change::kind, Change::column, Change::breaking)
                .containsExactly(tuple(Kind.COLUMN_ADDED, "orders.lines[].discount_code", false));
    }

    @Test
    void loweringAContainersClassificationLowersTheFieldsThatInheritedIt() {
        List<Change> changes = changes(orders("confidential", "sku"), orders("internal", "sku"));

        assertThat(changes)
                .extracting(Change::kind, Change::column, Change::before, Change::after, Change::breaking)
                .containsExactly(
                        tuple(Kind.CLASSIFICATION_LOWERED, "orders.lines", "confidential", "internal", true),
                        tuple(Kind.CLASSIFICATION_LOWERED, "orders.lines[].sku", "confidential", "internal", true));
    }
}
