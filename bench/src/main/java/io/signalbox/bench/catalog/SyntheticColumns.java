package io.signalbox.bench.catalog;

import static io.signalbox.bench.catalog.Words.pick;
import static io.signalbox.bench.catalog.Words.sentenceCase;
import static io.signalbox.bench.catalog.Words.snake;

import io.signalbox.bench.catalog.CatalogModel.ColumnRow;
import io.signalbox.bench.catalog.SyntheticCatalog.Title;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The schema of a generated product: a key named after its subject, then mostly its domain's own columns, then the
 * housekeeping columns most tables have. Types follow the warehouse's naming conventions; personal data is flagged and
 * classified; the columns the governance council named carry their canonical attribute most of the time.
 */
final class SyntheticColumns {

    private static final Pattern MEASURE =
            Pattern.compile(".*_(pct|mbps|ms|gb|m|s|min|score|probability|value|amount)");
    private static final Map<String, String> UNITS = Map.of(
            "id",
            "identifier",
            "pct",
            "in percent",
            "mbps",
            "in Mbit/s",
            "ms",
            "in milliseconds",
            "gb",
            "in GB",
            "at",
            "time",
            "m",
            "in metres",
            "s",
            "in seconds",
            "min",
            "in minutes");
    private static final String[] ACCESS_NOTES = {
        "Masked outside customer care",
        "Joining it to customer accounts requires a purpose registered with the DPO",
        "Hashed in non-production copies"
    };

    private final ZipfChoice<String> commonColumns = ZipfChoice.of(TelcoVocabulary.COMMON_COLUMNS);
    private final ZipfChoice<String> notes = ZipfChoice.of(TelcoVocabulary.COLUMN_NOTES);
    private final ZipfChoice<String> codeNames;

    SyntheticColumns(ZipfChoice<String> codeNames) {
        this.codeNames = codeNames;
    }

    /**
     * About twenty columns (10 to 30). Personal data more sensitive than the product's classification is left out,
     * so that the product's label stays true to its columns.
     */
    List<ColumnRow> draw(SplittableRandom random, Title title, String productClassification) {
        int wanted = 10 + random.nextInt(21);
        Set<String> names = new LinkedHashSet<>();
        names.add(snake(title.subject()) + "_id");
        ZipfChoice<String> ownColumns = title.domain().columns();
        int fromDomain =
                Math.min((int) Math.round(wanted * 0.75), ownColumns.items().size());
        for (int attempts = 0; names.size() < fromDomain && attempts < fromDomain * 4; attempts++) {
            String name = ownColumns.draw(random);
            String personal = TelcoVocabulary.PERSONAL.get(name);
            if (personal == null || rank(personal) <= rank(productClassification)) {
                names.add(name);
            }
        }
        for (int attempts = 0; names.size() < wanted && attempts < wanted * 4; attempts++) {
            names.add(commonColumns.draw(random));
        }
        List<ColumnRow> columns = new ArrayList<>();
        String objectName = snake(title.subject()) + "_" + snake(title.shape());
        boolean first = true;
        for (String name : names) {
            columns.add(column(random, title, objectName, name, first, productClassification));
            first = false;
        }
        return columns;
    }

    private ColumnRow column(
            SplittableRandom random,
            Title title,
            String objectName,
            String name,
            boolean primaryKey,
            String productClassification) {
        String[] type = type(name);
        String personal = TelcoVocabulary.PERSONAL.get(name);
        String classification;
        if (personal != null) {
            classification = personal;
        } else if (random.nextDouble() < 0.08) {
            classification = null; // governance asks which columns are unclassified: some are
        } else {
            classification = rank(productClassification) >= 1 && random.nextBoolean() ? "internal" : "public";
        }
        boolean pii = personal != null && rank(personal) >= 2;
        String canonical = TelcoVocabulary.CANONICAL.containsKey(name) && random.nextDouble() < 0.75
                ? TelcoVocabulary.CANONICAL.get(name)
                : null;
        List<String> tags = new ArrayList<>();
        if (pii) {
            tags.add("pii");
        }
        if (type[0].equals("number") && random.nextDouble() < 0.3) {
            tags.add("kpi");
        }
        return new ColumnRow(
                objectName,
                name,
                type[0],
                type[1],
                describe(random, name, type[0], title) + ".",
                primaryKey || random.nextDouble() < (name.endsWith("_id") ? 0.6 : 0.3),
                primaryKey,
                classification,
                pii,
                pii ? pick(random, ACCESS_NOTES, 50, 30, 20) : null,
                canonical,
                tags);
    }

    /** "bandwidth_mbps" becomes "Bandwidth in Mbit/s of the circuit", sometimes with a note. */
    private String describe(SplittableRandom random, String name, String logicalType, Title title) {
        String description = TelcoVocabulary.DESCRIPTIONS.get(name);
        if (description == null) {
            StringBuilder text = new StringBuilder();
            for (String part : name.split("_")) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(UNITS.getOrDefault(part, part));
            }
            description = sentenceCase(text.toString()) + " of the " + title.subject();
        }
        if (logicalType.equals("timestamp") && random.nextBoolean()) {
            return description + ", in UTC";
        }
        if (random.nextDouble() < 0.35) {
            return description + ", " + notes.draw(random);
        }
        if (random.nextDouble() < 0.1) {
            return description + ", from " + codeNames.draw(random);
        }
        return description;
    }

    /** The ODCS logical type and a physical type, from the naming conventions of the warehouse. */
    private static String[] type(String name) {
        if (name.endsWith("_id") || name.equals("msisdn") || name.equals("imsi") || name.equals("iccid")) {
            return new String[] {"string", "varchar(40)"};
        }
        if (name.endsWith("_at")) {
            return new String[] {"timestamp", "timestamp with time zone"};
        }
        if (name.endsWith("_date") || name.startsWith("valid_") || name.equals("period")) {
            return new String[] {"date", "date"};
        }
        if (name.startsWith("is_")
                || name.startsWith("first_")
                || name.startsWith("consent_")
                || name.endsWith("_met")
                || name.endsWith("_resolved")) {
            return new String[] {"boolean", "boolean"};
        }
        if (name.endsWith("_count")
                || name.endsWith("_level")
                || name.endsWith("_months")
                || name.endsWith("_points")
                || name.equals("exit_code")
                || name.equals("minutes")
                || name.equals("nps_score")) {
            return new String[] {"integer", "integer"};
        }
        if (MEASURE.matcher(name).matches()
                || name.equals("amount")
                || name.equals("value")
                || name.equals("latitude")
                || name.equals("longitude")
                || name.startsWith("rate_")) {
            return new String[] {"number", "numeric(14,4)"};
        }
        return new String[] {"string", "varchar(200)"};
    }

    /** Classifications from least to most sensitive; an unclassified column ranks below all. */
    static int rank(String classification) {
        if (classification == null) {
            return -1;
        }
        return switch (classification) {
            case "public" -> 0;
            case "internal" -> 1;
            case "confidential" -> 2;
            default -> 3;
        };
    }
}
