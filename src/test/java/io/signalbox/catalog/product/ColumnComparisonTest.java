package io.signalbox.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.product.CatalogViews.ColumnChange;
import io.signalbox.catalog.product.ProductDeprecations.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consumer-side column comparison behind "the schema changes that matter to you". */
class ColumnComparisonTest {

    private static Column column(String object, String name, String type, String physical, Classification c) {
        return new Column(object, name, type, physical, c);
    }

    @Test
    void columnsAreMatchedByObjectAndNameAndReportedRemovedRetypedReclassifiedThenAdded() {
        List<Column> before = List.of(
                column("orders", "id", "string", null, Classification.INTERNAL),
                column("orders", "amount", "number", "decimal(10,2)", Classification.INTERNAL),
                column("orders", "email", "string", null, Classification.CONFIDENTIAL),
                column("orders", "legacy", "string", null, null),
                column("lines", "id", "string", null, Classification.INTERNAL));
        List<Column> after = List.of(
                column("orders", "id", "string", null, Classification.INTERNAL),
                column("orders", "amount", "number", "decimal(12,2)", Classification.INTERNAL),
                column("orders", "email", "string", null, Classification.RESTRICTED),
                column("orders", "channel", "string", null, Classification.PUBLIC),
                column("order_lines", "id", "string", null, Classification.INTERNAL));

        assertThat(ProductDeprecations.compare(before, after))
                .containsExactly(
                        new ColumnChange("orders", "legacy", "removed", "string", null),
                        new ColumnChange("lines", "id", "removed", "string", null),
                        new ColumnChange(
                                "orders", "amount", "type changed", "number (decimal(10,2))", "number (decimal(12,2))"),
                        new ColumnChange("orders", "email", "classification changed", "confidential", "restricted"),
                        new ColumnChange("orders", "channel", "added", null, "string"),
                        new ColumnChange("order_lines", "id", "added", null, "string"));
    }

    @Test
    void identicalSchemasDifferInNothing() {
        List<Column> same = List.of(column("t", "a", "string", null, null));
        assertThat(ProductDeprecations.compare(same, same)).isEmpty();
    }
}
