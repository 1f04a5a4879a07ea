package io.signalbox.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.catalog.model.Classification;
import io.signalbox.governance.rules.SchemaDiff.Change;
import io.signalbox.governance.rules.SchemaDiff.Column;
import io.signalbox.governance.rules.SchemaDiff.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of SchemaDiff's verdicts, beside the table of kinds in SchemaDiffTest: when a removed and an added column
 * are a rename, how added columns and primary keys are described, and where a stored type stops fitting.
 */
class SchemaDiffBoundariesTest {

    private static Column column(String object, String name, int position, String logical, String physical) {
        return new Column(
                object, name, position, logical, physical, "A column", false, false, Classification.INTERNAL, null);
    }

    private static Column column(String name, int position, String logical, String physical) {
        return column("main", name, position, logical, physical);
    }

    private static Column key(Column c) {
        return new Column(
                c.objectName(),
                c.name(),
                c.position(),
                c.logicalType(),
                c.physicalType(),
                c.description(),
                true,
                true,
                c.classification(),
                c.canonicalAttribute());
    }

    private static String narrowing(
            String logicalBefore, String physicalBefore, String logicalAfter, String physicalAfter) {
        return SchemaDiff.narrowing(
                column("c", 0, logicalBefore, physicalBefore), column("c", 0, logicalAfter, physicalAfter));
    }

    private static final Column ID = key(column("service_id", 0, "string", "varchar(14)"));
    private static final Column NAME = column("service_name", 1, "string", "varchar(120)");

    // ---- renames ----

    @Test
    void aColumnReplacedAtTheSamePlaceWithTheSameTypeIsARename() {
        List<Change> changes =
                SchemaDiff.compare(List.of(ID, NAME), List.of(ID, column("service_label", 1, "string", "text")));

        assertThat(changes)
                .extracting(Change::kind, Change::column, Change::before, Change::after)
                .containsExactly(tuple(Kind.COLUMN_RENAMED, "main.service_name", "service_name", "service_label"));
    }

    @Test
    void untypedColumnsAtTheSamePlaceAreARename() {
        List<Change> changes = SchemaDiff.compare(
                List.of(ID, column("note", 1, null, null)), List.of(ID, column("remark", 1, null, null)));

        assertThat(changes).extracting(Change::kind).containsExactly(Kind.COLUMN_RENAMED);
    }

    @Test
    void aColumnReplacedWithAnotherTypeIsARemovalAndAnAddition() {
        List<Change> changes =
                SchemaDiff.compare(List.of(ID, NAME), List.of(ID, column("service_rank", 1, "integer", "integer")));

        assertThat(changes)
                .extracting(Change::kind, Change::column)
                .containsExactly(
                        tuple(Kind.COLUMN_REMOVED, "main.service_name"), tuple(Kind.COLUMN_ADDED, "main.service_rank"));
    }

    @Test
    void aColumnReplacedAtAnotherPlaceIsARemovalAndAnAddition() {
        List<Change> changes = SchemaDiff.compare(
                List.of(ID, NAME),
                List.of(ID, column("vlan_id", 1, "integer", null), column("service_label", 2, "string", null)));

        assertThat(changes)
                .extracting(Change::kind, Change::column)
                .containsExactly(
                        tuple(Kind.COLUMN_REMOVED, "main.service_name"),
                        tuple(Kind.COLUMN_ADDED, "main.vlan_id"),
                        tuple(Kind.COLUMN_ADDED, "main.service_label"));
    }

    @Test
    void aColumnReplacedInAnotherTableIsARemovalAndAnAddition() {
        List<Change> changes = SchemaDiff.compare(
                List.of(ID, NAME), List.of(ID, column("labels", "service_label", 1, "string", "varchar(120)")));

        assertThat(changes).extracting(Change::kind).containsExactly(Kind.COLUMN_REMOVED, Kind.COLUMN_ADDED);
    }

    @Test
    void aRemovedColumnSaysWhatReadersMiss() {
        assertThat(SchemaDiff.compare(List.of(ID, NAME), List.of(ID)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.before()).isEqualTo("service_name");
                    assertThat(c.after()).isNull();
                    assertThat(c.why()).isEqualTo("readers that select service_name no longer find it");
                });
    }

    // ---- additions and keys ----

    @Test
    void anAddedColumnIsDescribedByItsTypeAndWhetherItIsRequired() {
        Column optional = column("vlan_id", 2, "integer", "smallint");
        Column required = key(column("region", 3, "string", null));
        Column untyped = column("extra", 4, null, null);

        List<Change> changes = SchemaDiff.compare(List.of(ID, NAME), List.of(ID, NAME, optional, required, untyped));

        assertThat(changes)
                .extracting(Change::kind, Change::after)
                .containsExactly(
                        tuple(Kind.COLUMN_ADDED, "integer (smallint), optional"),
                        tuple(Kind.COLUMN_ADDED, "string, required"),
                        tuple(Kind.COLUMN_ADDED, "untyped, optional"),
                        tuple(Kind.PRIMARY_KEY_CHANGED, "region, service_id"));
    }

    @Test
    void aKeyGivenToATableWithoutOneIsAChangedKey() {
        List<Change> changes = SchemaDiff.compare(List.of(NAME), List.of(key(NAME)));

        assertThat(changes)
                .filteredOn(c -> c.kind() == Kind.PRIMARY_KEY_CHANGED)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.column()).isEqualTo("main");
                    assertThat(c.before()).isEqualTo("none");
                    assertThat(c.after()).isEqualTo("service_name");
                    assertThat(c.breaking()).isTrue();
                });
    }

    @Test
    void aKeyTakenAwayIsAChangedKey() {
        Column unkeyed = column("service_id", 0, "string", "varchar(14)");

        assertThat(SchemaDiff.compare(List.of(ID, NAME), List.of(unkeyed, NAME)))
                .filteredOn(c -> c.kind() == Kind.PRIMARY_KEY_CHANGED)
                .extracting(Change::before, Change::after)
                .containsExactly(tuple("service_id", "none"));
    }

    @Test
    void aTableRemovedWholeLosesItsColumnsNotItsKey() {
        Column orderId = key(column("orders", "order_id", 2, "string", "varchar(14)"));

        List<Change> changes = SchemaDiff.compare(List.of(ID, NAME, orderId), List.of(ID, NAME));

        assertThat(changes)
                .extracting(Change::kind, Change::column)
                .containsExactly(tuple(Kind.COLUMN_REMOVED, "orders.order_id"));
    }

    @Test
    void keysOfOtherTablesAreComparedTableByTable() {
        Column orderId = key(column("orders", "order_id", 2, "string", "varchar(14)"));
        Column orderLine = column("orders", "line", 3, "integer", null);

        List<Change> changes =
                SchemaDiff.compare(List.of(ID, orderId, orderLine), List.of(ID, orderId, key(orderLine)));

        assertThat(changes)
                .filteredOn(c -> c.kind() == Kind.PRIMARY_KEY_CHANGED)
                .extracting(Change::column, Change::before, Change::after)
                .containsExactly(tuple("orders", "order_id", "line, order_id"));
    }

    // ---- logical types ----

    @Test
    void anotherLogicalTypeIsNarrowingNamingBoth() {
        assertThat(narrowing("number", "decimal(10,2)", "integer", "bigint"))
                .isEqualTo("readers expecting number get integer");
        assertThat(narrowing(null, null, "string", null)).isEqualTo("readers expecting an untyped value get string");
        assertThat(narrowing("string", null, null, null)).isEqualTo("readers expecting string get an untyped value");
    }

    @Test
    void logicalTypesAreComparedWhateverTheirCase() {
        assertThat(narrowing("Integer", "INT", "integer", "int")).isNull();
    }

    @Test
    void anIntegerBecomingANumberIsJudgedByItsStoredTypes() {
        assertThat(narrowing("integer", "integer", "number", "numeric")).isNull();
        assertThat(narrowing("integer", "bigint", "number", "decimal(30,2)")).isNull();
        assertThat(narrowing("integer", "tinyint", "number", "numeric")).isNull();
        assertThat(narrowing("integer", "integer", "number", "real"))
                .as("a type Signalbox does not know")
                .contains("cannot tell");
    }

    // ---- stored types ----

    @ParameterizedTest
    @CsvSource({
        "int, integer",
        "integer, int",
        "tinyint, smallint",
        "smallint, int",
        "int, bigint",
        "tinyint, bigint",
        "INTEGER, bigint"
    })
    void aWiderOrEqualIntegerFits(String before, String after) {
        assertThat(narrowing("integer", before, "integer", after)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"integer, smallint", "bigint, integer", "bigint, int", "smallint, tinyint", "int, tinyint"})
    void aNarrowerIntegerDoesNotFit(String before, String after) {
        assertThat(narrowing("integer", before, "integer", after))
                .isEqualTo("large values of " + before + " no longer fit in " + after);
    }

    @ParameterizedTest
    @CsvSource({
        "varchar(60), character varying(60)",
        "varchar(60), varchar(61)",
        "varchar(60), text",
        "char(10), string",
        "'VARCHAR (60)', varchar(60)",
        "nvarchar(20), varchar( 20 )"
    })
    void textThatIsAsLongOrLongerFits(String before, String after) {
        assertThat(narrowing("string", before, "string", after)).isNull();
    }

    @Test
    void shorterTextDoesNotFit() {
        assertThat(narrowing("string", "varchar(60)", "string", "varchar(59)"))
                .isEqualTo("values up to 60 characters no longer fit in varchar(59)");
        assertThat(narrowing("string", "text", "string", "varchar(4000)"))
                .isEqualTo("values up to any characters no longer fit in varchar(4000)");
    }

    @ParameterizedTest
    @CsvSource({
        "'decimal(12,2)', 'numeric(12, 2)'",
        "'decimal(12,2)', 'decimal(13,3)'",
        "'decimal(12,2)', 'decimal(13,2)'",
        "decimal(10), 'decimal(10,0)'",
        "'decimal(12,2)', numeric",
        "numeric, number"
    })
    void aDecimalWithAsManyDigitsOnEachSideOfThePointFits(String before, String after) {
        assertThat(narrowing("number", before, "number", after)).isNull();
    }

    @Test
    void aDecimalWithFewerDigitsOnEitherSideOfThePointDoesNotFit() {
        assertThat(narrowing("number", "decimal(12,2)", "number", "decimal(11,2)"))
                .isEqualTo("large values of decimal(12,2) no longer fit in decimal(11,2)");
        assertThat(narrowing("number", "decimal(12,2)", "number", "decimal(12,1)"))
                .isEqualTo("digits after the point are lost (decimal(12,2) to decimal(12,1))");
        assertThat(narrowing("number", "decimal(10,2)", "number", "decimal(10)"))
                .isEqualTo("digits after the point are lost (decimal(10,2) to decimal(10))");
    }

    @Test
    void anUnboundedDecimalMayNotFitABoundedOne() {
        assertThat(narrowing("number", "numeric", "number", "decimal(10,2)"))
                .isEqualTo("values of unbounded numeric may not fit in decimal(10,2)");
    }

    @Test
    void aTimestampBecomingADateLosesTheTimeOfDay() {
        assertThat(narrowing("timestamp", "timestamp(6)", "date", "date"))
                .isEqualTo("readers expecting timestamp get date");
        assertThat(narrowing("timestamp", "timestamp(6)", "timestamp", "date"))
                .isEqualTo("the time of day is lost (timestamp(6) to date)");
    }

    @ParameterizedTest
    @CsvSource({
        "timestamp(3), timestamp (3)",
        "timestamp(3), timestamp(6)",
        "timestamp(6), timestamp",
        "timestamp, timestamptz"
    })
    void aTimestampWithAsMuchPrecisionFits(String before, String after) {
        assertThat(narrowing("timestamp", before, "timestamp", after)).isNull();
    }

    @Test
    void aTimestampWithLessPrecisionLosesSubSeconds() {
        assertThat(narrowing("timestamp", "timestamp(6)", "timestamp", "timestamp(0)"))
                .isEqualTo("sub-second precision is lost (timestamp(6) to timestamp(0))");
    }

    @Test
    void aStoredTypeLeftOutOrUnchangedIsNoNarrowing() {
        assertThat(narrowing("string", null, "string", "varchar(5)")).isNull();
        assertThat(narrowing("string", "varchar(5)", "string", " ")).isNull();
        assertThat(narrowing("string", "VARCHAR(5)", "string", "varchar(5) ")).isNull();
    }

    @Test
    void anUnknownPairOfStoredTypesIsNarrowingSaidSo() {
        assertThat(narrowing("string", "varchar(36)", "string", "uuid"))
                .isEqualTo("the stored type changes from varchar(36) to uuid, which readers may not absorb; Signalbox"
                        + " cannot tell that it is safe");
    }

    /**
     * Every integer is a number, but not every integer fits every decimal: decimal(4,2) holds nothing above 99.99, so
     * an int column's values (up to ten digits) no longer fit.
     */
    @Test
    void anIntegerDoesNotFitADecimalWithTooFewDigitsBeforeThePoint() {
        assertThat(narrowing("integer", "integer", "number", "decimal(4,2)")).isNotNull();
        assertThat(SchemaDiff.compare(
                        List.of(column("amount", 0, "integer", "integer")),
                        List.of(column("amount", 0, "number", "decimal(4,2)"))))
                .extracting(Change::kind)
                .containsExactly(Kind.TYPE_CHANGED);
    }

    /**
     * Text and decimals treat an unbounded type becoming a bounded one as narrowing; timestamps do not, although
     * timestamp (microseconds in PostgreSQL) → timestamp(0) drops every fraction of a second.
     */
    @Test
    void anUnsizedTimestampBecomingASizedOneMayLoseSubSeconds() {
        assertThat(narrowing("timestamp", "timestamp", "timestamp", "timestamp(0)"))
                .isNotNull();
    }
}
