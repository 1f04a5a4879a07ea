package io.signalbox.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.catalog.model.Classification;
import io.signalbox.governance.rules.SchemaDiff.Change;
import io.signalbox.governance.rules.SchemaDiff.Column;
import io.signalbox.governance.rules.SchemaDiff.Kind;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of schema change, judged from a consumer's side: breaking or not (the table in docs/governance.md). */
class SchemaDiffTest {

    private static final Column ID = new Column(
            "services",
            "service_id",
            0,
            "string",
            "varchar(14)",
            "Canonical id",
            true,
            true,
            Classification.INTERNAL,
            "Service.service_id");
    private static final Column BANDWIDTH = new Column(
            "services",
            "bandwidth_mbps",
            1,
            "integer",
            "integer",
            "Bandwidth",
            true,
            false,
            Classification.INTERNAL,
            null);
    private static final Column NAME = new Column(
            "services",
            "service_name",
            2,
            "string",
            "varchar(120)",
            "Label",
            false,
            false,
            Classification.INTERNAL,
            null);
    private static final List<Column> BEFORE = List.of(ID, BANDWIDTH, NAME);

    static Stream<Arguments> changes() {
        return Stream.of(
                change("a column is removed", without(NAME), Kind.COLUMN_REMOVED, true),
                change(
                        "a column is renamed",
                        replace(NAME, c -> rename(c, "service_label")),
                        Kind.COLUMN_RENAMED,
                        true),
                change(
                        "integer becomes string",
                        replace(BANDWIDTH, c -> types(c, "string", "varchar(10)")),
                        Kind.TYPE_CHANGED,
                        true),
                change(
                        "integer becomes number",
                        replace(BANDWIDTH, c -> types(c, "number", "decimal(18,2)")),
                        Kind.TYPE_WIDENED,
                        false),
                change(
                        "bigint narrows to smallint",
                        replace(BANDWIDTH, c -> types(c, "integer", "smallint")),
                        Kind.TYPE_CHANGED,
                        true),
                change(
                        "integer widens to bigint",
                        replace(BANDWIDTH, c -> types(c, "integer", "bigint")),
                        Kind.TYPE_WIDENED,
                        false),
                change(
                        "a shorter varchar",
                        replace(NAME, c -> types(c, "string", "varchar(60)")),
                        Kind.TYPE_CHANGED,
                        true),
                change(
                        "a longer varchar",
                        replace(NAME, c -> types(c, "string", "varchar(200)")),
                        Kind.TYPE_WIDENED,
                        false),
                change(
                        "varchar becomes text",
                        replace(NAME, c -> types(c, "string", "text")),
                        Kind.TYPE_WIDENED,
                        false),
                change(
                        "a required column becomes optional",
                        replace(BANDWIDTH, c -> required(c, false)),
                        Kind.REQUIRED_BECAME_OPTIONAL,
                        true),
                change(
                        "an optional column becomes required",
                        replace(NAME, c -> required(c, true)),
                        Kind.OPTIONAL_BECAME_REQUIRED,
                        false),
                change(
                        "a lowered classification",
                        replace(NAME, c -> classified(c, Classification.PUBLIC)),
                        Kind.CLASSIFICATION_LOWERED,
                        true),
                change(
                        "a raised classification",
                        replace(NAME, c -> classified(c, Classification.CONFIDENTIAL)),
                        Kind.CLASSIFICATION_RAISED,
                        false),
                change(
                        "a changed primary key",
                        replace(BANDWIDTH, c -> primaryKey(c, true)),
                        Kind.PRIMARY_KEY_CHANGED,
                        true),
                change(
                        "a changed canonical mapping",
                        replace(ID, c -> canonical(c, "Customer.customer_id")),
                        Kind.CANONICAL_MAPPING_CHANGED,
                        true),
                change(
                        "an added canonical mapping",
                        replace(NAME, c -> canonical(c, "Service.service_name")),
                        Kind.CANONICAL_MAPPING_ADDED,
                        false),
                change(
                        "an added optional column",
                        with(new Column(
                                "services",
                                "vlan_id",
                                3,
                                "integer",
                                "smallint",
                                "VLAN",
                                false,
                                false,
                                Classification.INTERNAL,
                                null)),
                        Kind.COLUMN_ADDED,
                        false),
                change(
                        "a reworded description",
                        replace(NAME, c -> described(c, "The label network engineers use")),
                        Kind.DESCRIPTION_CHANGED,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void eachKindOfChangeIsJudgedFromTheConsumersSide(
            String description, List<Column> after, Kind expected, boolean breaking) {
        List<Change> changes = SchemaDiff.compare(BEFORE, after);

        assertThat(changes).extracting(Change::kind).containsExactly(expected);
        assertThat(changes.get(0).breaking()).isEqualTo(breaking);
        assertThat(changes.get(0).why()).isNotBlank();
    }

    @Test
    void anUnchangedSchemaHasNoChanges() {
        assertThat(SchemaDiff.compare(BEFORE, BEFORE)).isEmpty();
    }

    @Test
    void decimalsNarrowWhenDigitsBeforeOrAfterThePointAreLost() {
        Column amount = types(BANDWIDTH, "number", "decimal(12,2)");
        assertThat(SchemaDiff.narrowing(amount, types(amount, "number", "decimal(14,2)")))
                .isNull();
        assertThat(SchemaDiff.narrowing(amount, types(amount, "number", "decimal(12,4)")))
                .as("more scale in the same precision leaves fewer digits before the point")
                .contains("no longer fit");
        assertThat(SchemaDiff.narrowing(amount, types(amount, "number", "decimal(12,1)")))
                .contains("after the point");
        assertThat(SchemaDiff.narrowing(amount, types(amount, "number", "numeric")))
                .isNull();
    }

    @Test
    void timestampsLoseTheirTimeOrPrecision() {
        Column at = types(NAME, "timestamp", "timestamp(6)");
        assertThat(SchemaDiff.narrowing(at, types(at, "date", "date"))).isNotNull();
        assertThat(SchemaDiff.narrowing(at, types(at, "timestamp", "timestamp(3)")))
                .contains("precision");
        assertThat(SchemaDiff.narrowing(at, types(at, "timestamp", "timestamp(9)")))
                .isNull();
    }

    @Test
    void anUnknownStoredTypeChangeIsTreatedAsBreaking() {
        assertThat(SchemaDiff.narrowing(NAME, types(NAME, "string", "uuid"))).contains("cannot tell");
    }

    private static Arguments change(String description, List<Column> after, Kind kind, boolean breaking) {
        return Arguments.of(description, after, kind, breaking);
    }

    private static List<Column> without(Column column) {
        return BEFORE.stream().filter(c -> c != column).toList();
    }

    private static List<Column> with(Column column) {
        return Stream.concat(BEFORE.stream(), Stream.of(column)).toList();
    }

    private static List<Column> replace(Column column, UnaryOperator<Column> change) {
        return BEFORE.stream().map(c -> c == column ? change.apply(c) : c).toList();
    }

    private static Column rename(Column c, String name) {
        return new Column(
                c.objectName(),
                name,
                c.position(),
                c.logicalType(),
                c.physicalType(),
                c.description(),
                c.required(),
                c.primaryKey(),
                c.classification(),
                c.canonicalAttribute());
    }

    private static Column types(Column c, String logical, String physical) {
        return new Column(
                c.objectName(),
                c.name(),
                c.position(),
                logical,
                physical,
                c.description(),
                c.required(),
                c.primaryKey(),
                c.classification(),
                c.canonicalAttribute());
    }

    private static Column required(Column c, boolean required) {
        return new Column(
                c.objectName(),
                c.name(),
                c.position(),
                c.logicalType(),
                c.physicalType(),
                c.description(),
                required,
                c.primaryKey(),
                c.classification(),
                c.canonicalAttribute());
    }

    private static Column classified(Column c, Classification classification) {
        return new Column(
                c.objectName(),
                c.name(),
                c.position(),
                c.logicalType(),
                c.physicalType(),
                c.description(),
                c.required(),
                c.primaryKey(),
                classification,
                c.canonicalAttribute());
    }

    private static Column primaryKey(Column c, boolean primaryKey) {
        return new Column(
                c.objectName(),
                c.name(),
                c.position(),
                c.logicalType(),
                c.physicalType(),
                c.description(),
                c.required(),
                primaryKey,
                c.classification(),
                c.canonicalAttribute());
    }

    private static Column canonical(Column c, String canonical) {
        return new Column(
                c.objectName(),
                c.name(),
                c.position(),
                c.logicalType(),
                c.physicalType(),
                c.description(),
                c.required(),
                c.primaryKey(),
                c.classification(),
                canonical);
    }

    private static Column described(Column c, String description) {
        return new Column(
                c.objectName(),
                c.name(),
                c.position(),
                c.logicalType(),
                c.physicalType(),
                description,
                c.required(),
                c.primaryKey(),
                c.classification(),
                c.canonicalAttribute());
    }
}
