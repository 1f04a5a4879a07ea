package io.signalbox.governance.rules;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.SchemaColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a new schema with the previous version's, judged from a consumer's side: a change is breaking when a
 * reader written against the previous version can fail or silently misread the new one. The table of kinds and
 * verdicts is in docs/governance.md.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /** A column as the comparison needs it, from a stored version or from a descriptor. */
    public record Column(
            String objectName,
            String name,
            int position,
            String logicalType,
            String physicalType,
            String description,
            boolean required,
            boolean primaryKey,
            Classification classification,
            String canonicalAttribute) {

        String key() {
            return objectName + "." + name;
        }

        static Column of(SchemaColumn c) {
            return new Column(
                    c.objectName,
                    c.name,
                    c.position,
                    c.logicalType,
                    c.physicalType,
                    c.description,
                    c.required,
                    c.primaryKey,
                    c.classification,
                    c.canonicalAttribute);
        }

        static Column of(ColumnSpec c, int position) {
            return new Column(
                    c.objectName(),
                    c.name(),
                    position,
                    c.logicalType(),
                    c.physicalType(),
                    c.description(),
                    c.required(),
                    c.primaryKey(),
                    c.classification(),
                    c.canonicalAttribute());
        }
    }

    public enum Kind {
        COLUMN_REMOVED(true),
        COLUMN_RENAMED(true),
        TYPE_CHANGED(true),
        TYPE_WIDENED(false),
        REQUIRED_BECAME_OPTIONAL(true),
        OPTIONAL_BECAME_REQUIRED(false),
        CLASSIFICATION_LOWERED(true),
        CLASSIFICATION_RAISED(false),
        PRIMARY_KEY_CHANGED(true),
        CANONICAL_MAPPING_CHANGED(true),
        CANONICAL_MAPPING_ADDED(false),
        COLUMN_ADDED(false),
        DESCRIPTION_CHANGED(false);

        public final boolean breaking;

        Kind(boolean breaking) {
            this.breaking = breaking;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One difference: which column, what it was and is, whether it breaks a reader, and why. */
    public record Change(Kind kind, String column, String before, String after, String why) {
        public boolean breaking() {
            return kind.breaking;
        }
    }

    public static List<Column> ofStored(List<SchemaColumn> columns) {
        return columns.stream().map(Column::of).toList();
    }

    public static List<Column> ofDescriptor(List<ColumnSpec> columns) {
        List<Column> result = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            result.add(Column.of(columns.get(i), i));
        }
        return result;
    }

    public static List<Change> compare(List<Column> before, List<Column> after) {
        Map<String, Column> old = byKey(before);
        Map<String, Column> now = byKey(after);
        List<Change> changes = new ArrayList<>();
        List<Column> removed = new ArrayList<>();
        List<Column> added = new ArrayList<>();
        old.values().stream().filter(c -> !now.containsKey(c.key())).forEach(removed::add);
        now.values().stream().filter(c -> !old.containsKey(c.key())).forEach(added::add);

        for (Column gone : removed) {
            Column renamedTo = added.stream()
                    .filter(a -> a.objectName().equals(gone.objectName()) && a.position() == gone.position())
                    .filter(a -> Objects.equals(a.logicalType(), gone.logicalType()))
                    .findFirst()
                    .orElse(null);
            if (renamedTo != null) {
                added.remove(renamedTo);
                changes.add(new Change(
                        Kind.COLUMN_RENAMED,
                        gone.key(),
                        gone.name(),
                        renamedTo.name(),
                        "readers that select " + gone.name() + " no longer find it"));
            } else {
                changes.add(new Change(
                        Kind.COLUMN_REMOVED,
                        gone.key(),
                        gone.name(),
                        null,
                        "readers that select " + gone.name() + " no longer find it"));
            }
        }
        for (Column column : added) {
            changes.add(new Change(
                    Kind.COLUMN_ADDED,
                    column.key(),
                    null,
                    describe(column),
                    "readers written before it do not select it"));
        }
        for (Column was : old.values()) {
            Column is = now.get(was.key());
            if (is != null) {
                compareColumn(was, is, changes);
            }
        }
        comparePrimaryKeys(before, after, old, now, changes);
        return changes;
    }

    private static void compareColumn(Column was, Column is, List<Change> changes) {
        String key = was.key();
        String typeBefore = typeOf(was);
        String typeAfter = typeOf(is);
        if (!typeBefore.equals(typeAfter)) {
            String narrowing = narrowing(was, is);
            if (narrowing == null) {
                changes.add(new Change(
                        Kind.TYPE_WIDENED, key, typeBefore, typeAfter, "every value readers knew still fits"));
            } else {
                changes.add(new Change(Kind.TYPE_CHANGED, key, typeBefore, typeAfter, narrowing));
            }
        }
        if (was.required() && !is.required()) {
            changes.add(new Change(
                    Kind.REQUIRED_BECAME_OPTIONAL,
                    key,
                    "required",
                    "optional",
                    "readers meet empty values they never saw"));
        } else if (!was.required() && is.required()) {
            changes.add(new Change(
                    Kind.OPTIONAL_BECAME_REQUIRED, key, "optional", "required", "readers simply stop meeting nulls"));
        }
        if (was.classification() != null
                && is.classification() != null
                && was.classification() != is.classification()) {
            boolean lowered = is.classification().compareTo(was.classification()) < 0;
            changes.add(new Change(
                    lowered ? Kind.CLASSIFICATION_LOWERED : Kind.CLASSIFICATION_RAISED,
                    key,
                    was.classification().label(),
                    is.classification().label(),
                    lowered
                            ? "data consumers were told to protect as "
                                    + was.classification().label() + " would be handled as "
                                    + is.classification().label()
                            : "access may narrow, but no reader misreads the data"));
        } else if (was.classification() != null && is.classification() == null) {
            changes.add(new Change(
                    Kind.CLASSIFICATION_LOWERED,
                    key,
                    was.classification().label(),
                    "unclassified",
                    "data consumers were told to protect loses its label"));
        }
        if (was.canonicalAttribute() != null && !was.canonicalAttribute().equals(is.canonicalAttribute())) {
            changes.add(new Change(
                    Kind.CANONICAL_MAPPING_CHANGED,
                    key,
                    was.canonicalAttribute(),
                    is.canonicalAttribute() == null ? "none" : is.canonicalAttribute(),
                    "readers that join on " + was.canonicalAttribute() + " lose their join key"));
        } else if (was.canonicalAttribute() == null && is.canonicalAttribute() != null) {
            changes.add(new Change(
                    Kind.CANONICAL_MAPPING_ADDED,
                    key,
                    "none",
                    is.canonicalAttribute(),
                    "a new join becomes possible; nothing readers relied on changes"));
        }
        if (!Objects.equals(blankToNull(was.description()), blankToNull(is.description()))) {
            changes.add(new Change(Kind.DESCRIPTION_CHANGED, key, null, null, "the data itself is unchanged"));
        }
    }

    private static void comparePrimaryKeys(
            List<Column> before,
            List<Column> after,
            Map<String, Column> old,
            Map<String, Column> now,
            List<Change> changes) {
        Set<String> objects = new TreeSet<>();
        before.forEach(c -> objects.add(c.objectName()));
        for (String object : objects) {
            Set<String> keyBefore = primaryKey(before, object);
            Set<String> keyAfter = primaryKey(after, object);
            boolean objectStillThere =
                    after.stream().anyMatch(c -> c.objectName().equals(object));
            if (objectStillThere && !keyBefore.equals(keyAfter)) {
                changes.add(new Change(
                        Kind.PRIMARY_KEY_CHANGED,
                        object,
                        keyBefore.isEmpty() ? "none" : String.join(", ", keyBefore),
                        keyAfter.isEmpty() ? "none" : String.join(", ", keyAfter),
                        "rows readers told apart by their key may now repeat or merge"));
            }
        }
    }

    private static Set<String> primaryKey(List<Column> columns, String object) {
        Set<String> key = new TreeSet<>();
        columns.stream()
                .filter(c -> c.objectName().equals(object) && c.primaryKey())
                .forEach(c -> key.add(c.name()));
        return key;
    }

    private static Map<String, Column> byKey(List<Column> columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.key(), c));
        return map;
    }

    private static String describe(Column column) {
        return typeOf(column) + (column.required() ? ", required" : ", optional");
    }

    private static String typeOf(Column column) {
        String logical = column.logicalType() == null ? "untyped" : column.logicalType();
        return column.physicalType() == null ? logical : logical + " (" + column.physicalType() + ")";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // Integer widths readers can hold, from narrowest to widest.
    private static final List<String> INTEGER_WIDTHS = List.of("tinyint", "smallint", "int", "integer", "bigint");
    // Decimal digits of each normalised integer width's largest value: tinyint, smallint, int(eger), bigint.
    private static final List<Integer> INTEGER_DIGITS = List.of(3, 5, 10, 19);
    private static final int TIMESTAMP_DEFAULT_PRECISION = 6;
    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    /**
     * Why a type change can break a reader, or null when every value of the old type fits the new one: integer to
     * number, a longer text, a wider integer, more precision or scale.
     */
    static String narrowing(Column was, Column is) {
        String logicalBefore = lower(was.logicalType());
        String logicalAfter = lower(is.logicalType());
        if (!Objects.equals(logicalBefore, logicalAfter)) {
            if ("integer".equals(logicalBefore) && "number".equals(logicalAfter)) {
                return physicalNarrowing(was, is);
            }
            return "readers expecting " + (logicalBefore == null ? "an untyped value" : logicalBefore) + " get "
                    + (logicalAfter == null ? "an untyped value" : logicalAfter);
        }
        return physicalNarrowing(was, is);
    }

    private static String physicalNarrowing(Column was, Column is) {
        String before = lower(was.physicalType());
        String after = lower(is.physicalType());
        if (before == null || after == null || before.equals(after)) {
            return null;
        }
        Matcher sizedBefore = SIZED.matcher(before);
        Matcher sizedAfter = SIZED.matcher(after);
        boolean beforeSized = sizedBefore.matches();
        boolean afterSized = sizedAfter.matches();
        String baseBefore = beforeSized ? sizedBefore.group(1).strip() : before;
        String baseAfter = afterSized ? sizedAfter.group(1).strip() : after;
        if (isText(baseBefore) && isText(baseAfter)) {
            if (!afterSized) {
                return null; // unbounded text holds anything
            }
            if (!beforeSized || Integer.parseInt(sizedAfter.group(2)) < Integer.parseInt(sizedBefore.group(2))) {
                return "values up to " + (beforeSized ? sizedBefore.group(2) : "any") + " characters no longer fit in "
                        + after;
            }
            return null;
        }
        int widthBefore = INTEGER_WIDTHS.indexOf(baseBefore);
        int widthAfter = INTEGER_WIDTHS.indexOf(baseAfter);
        if (widthBefore >= 0 && widthAfter >= 0) {
            return normalisedWidth(widthAfter) >= normalisedWidth(widthBefore)
                    ? null
                    : "large values of " + before + " no longer fit in " + after;
        }
        if (widthBefore >= 0 && isDecimal(baseAfter)) {
            // Every integer is a number, but decimal(4,2) holds nothing above 99.99: the digits before the point must
            // hold the integer type's largest value.
            int digits = INTEGER_DIGITS.get(normalisedWidth(widthBefore));
            if (afterSized && precisionOf(sizedAfter) - scaleOf(sizedAfter) < digits) {
                return "large values of " + before + " (up to " + digits + " digits) no longer fit in " + after;
            }
            return null;
        }
        if (isDecimal(baseBefore) && isDecimal(baseAfter)) {
            if (!afterSized) {
                return null;
            }
            if (!beforeSized) {
                return "values of unbounded " + before + " may not fit in " + after;
            }
            int precisionBefore = precisionOf(sizedBefore);
            int precisionAfter = precisionOf(sizedAfter);
            int scaleBefore = scaleOf(sizedBefore);
            int scaleAfter = scaleOf(sizedAfter);
            if (scaleAfter < scaleBefore) {
                return "digits after the point are lost (" + before + " to " + after + ")";
            }
            if (precisionAfter - scaleAfter < precisionBefore - scaleBefore) {
                return "large values of " + before + " no longer fit in " + after;
            }
            return null;
        }
        if (baseBefore.startsWith("timestamp") && baseAfter.equals("date")) {
            return "the time of day is lost (" + before + " to " + after + ")";
        }
        if (baseBefore.startsWith("timestamp") && baseAfter.startsWith("timestamp")) {
            // An unsized timestamp keeps microseconds (SQL's default fractional precision in PostgreSQL: 6).
            int fractionBefore = beforeSized ? precisionOf(sizedBefore) : TIMESTAMP_DEFAULT_PRECISION;
            if (afterSized && precisionOf(sizedAfter) < fractionBefore) {
                return "sub-second precision is lost (" + before + " to " + after + ")";
            }
            return null;
        }
        return "the stored type changes from " + before + " to " + after
                + ", which readers may not absorb; Signalbox cannot tell that it is safe";
    }

    private static int precisionOf(Matcher sized) {
        return Integer.parseInt(sized.group(2));
    }

    private static int scaleOf(Matcher sized) {
        return sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3));
    }

    private static int normalisedWidth(int index) {
        return index >= INTEGER_WIDTHS.indexOf("integer") ? index - 1 : index; // int and integer are one width
    }

    private static boolean isText(String base) {
        return Set.of("varchar", "character varying", "char", "character", "text", "string", "nvarchar")
                .contains(base);
    }

    private static boolean isDecimal(String base) {
        return Set.of("decimal", "numeric", "number").contains(base);
    }

    private static String lower(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
