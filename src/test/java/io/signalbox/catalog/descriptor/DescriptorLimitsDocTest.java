package io.signalbox.catalog.descriptor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.signalbox.testing.Descriptors;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every limit docs/descriptor.md states is the limit the reader enforces (issue 11 A3): each probe takes its number
 * from the doc's tables (§4 ODPS, §5 ODCS, §6 custom properties, §9 refusals), sends one more than that, and expects
 * the refusal to name the field and that same number. A code limit above the doc's lets the value through; one below
 * names another number: either fails here, so the doc and the code cannot drift apart.
 */
class DescriptorLimitsDocTest {

    private static final Pattern NUMBER = Pattern.compile("\\s*≤\\s*(\\d+(?: \\d{3})*)");

    /** What a value beyond a limit is refused with. */
    private enum Kind {
        TEXT,
        LIST,
        LIST_ITEM
    }

    /**
     * One limit: the doc's table row (section number and the row's field cell), the words just before its "≤", a
     * descriptor carrying one more than the limit, and the field path (a regular expression) the refusal names.
     */
    private record Probe(String section, String row, String before, Kind kind, IntFunction<String> yaml, String field) {

        String name() {
            return "§" + section + " " + row + (before.isEmpty() ? "" : " " + before);
        }
    }

    private static String x(int length) {
        return Descriptors.quote("x".repeat(length));
    }

    private static Descriptors product() {
        return Descriptors.product("network");
    }

    private static String column(String extraYaml) {
        return product()
                .columnYaml("      - name: probe\n        logicalType: string\n" + extraYaml)
                .yaml();
    }

    private static final List<Probe> PROBES = List.of(
            // §4 ODPS
            new Probe(
                    "4",
                    "`apiVersion`",
                    "(`v` optional),",
                    Kind.TEXT,
                    n -> product().productField("apiVersion", x(n)).yaml(),
                    "product\\.apiVersion"),
            new Probe(
                    "4",
                    "`name`",
                    "text",
                    Kind.TEXT,
                    n -> product().productField("name", x(n)).yaml(),
                    "product\\.name"),
            new Probe(
                    "4",
                    "`status`",
                    "case-insensitive,",
                    Kind.TEXT,
                    n -> product().productField("status", x(n)).yaml(),
                    "product\\.status"),
            new Probe(
                    "4",
                    "`version`",
                    "prefix dropped,",
                    Kind.TEXT,
                    n -> product().productField("version", x(n)).yaml(),
                    "product\\.version"),
            new Probe(
                    "4",
                    "`description.purpose`",
                    "Markdown",
                    Kind.TEXT,
                    n -> product().purpose("x".repeat(n)).yaml(),
                    "product\\.description\\.purpose"),
            new Probe(
                    "4",
                    "`tags`",
                    "",
                    Kind.LIST,
                    n -> product()
                            .productField(
                                    "tags",
                                    IntStream.range(0, n)
                                            .mapToObj(i -> "t" + i)
                                            .collect(Collectors.joining(", ", "[", "]")))
                            .yaml(),
                    "product\\.tags"),
            new Probe(
                    "4",
                    "`tags`",
                    "texts",
                    Kind.LIST_ITEM,
                    n -> product().productField("tags", "[" + x(n) + "]").yaml(),
                    "product\\.tags\\[0\\]"),
            new Probe(
                    "4",
                    "`team.name`",
                    "",
                    Kind.TEXT,
                    n -> product().yaml().replace("  name: Network Data Team", "  name: " + x(n)),
                    "product\\.team\\.name"),
            new Probe(
                    "4",
                    "`team.members[]`",
                    "`username` required",
                    Kind.TEXT,
                    n -> product().yaml().replace("username: ana.costa@example.com", "username: " + x(n)),
                    "product\\.team\\.members\\[0\\]\\.username"),
            new Probe(
                    "4",
                    "`team.members[]`",
                    "`name`",
                    Kind.TEXT,
                    n -> product().yaml().replace("name: Ana Costa", "name: " + x(n)),
                    "product\\.team\\.members\\[0\\]\\.name"),
            new Probe(
                    "4",
                    "`team.members[]`",
                    "`role`",
                    Kind.TEXT,
                    n -> product().ownerRole("x".repeat(n)).yaml(),
                    "product\\.team\\.members\\[0\\]\\.role"),
            new Probe(
                    "4",
                    "`support[]`",
                    "`channel` required",
                    Kind.TEXT,
                    n -> product().yaml().replace("channel: network-data", "channel: " + x(n)),
                    "product\\.support\\[0\\]\\.channel"),
            new Probe(
                    "4",
                    "`support[]`",
                    "`mailto:`",
                    Kind.TEXT,
                    n -> product()
                            .supportUrl("https://" + "x".repeat(n - "https://".length()))
                            .yaml(),
                    "product\\.support\\[0\\]\\.url"),
            new Probe(
                    "4",
                    "`support[]`",
                    "`tool`",
                    Kind.TEXT,
                    n -> product().yaml().replace("    tool: email\n", "    tool: " + x(n) + "\n"),
                    "product\\.support\\[0\\]\\.tool"),
            new Probe(
                    "4",
                    "`support[]`",
                    "`scope`",
                    Kind.TEXT,
                    n -> product().yaml().replace("    tool: email\n", "    tool: email\n    scope: " + x(n) + "\n"),
                    "product\\.support\\[0\\]\\.scope"),
            new Probe(
                    "4",
                    "`inputPorts[]`",
                    "`name` required",
                    Kind.TEXT,
                    n -> product().productLine("inputPorts:\n  - name: " + x(n)).yaml(),
                    "product\\.inputPorts\\[0\\]\\.name"),
            new Probe(
                    "4",
                    "`inputPorts[]`",
                    "`version`",
                    Kind.TEXT,
                    n -> product()
                            .productLine("inputPorts:\n  - name: source\n    version: " + x(n))
                            .yaml(),
                    "product\\.inputPorts\\[0\\]\\.version"),
            new Probe(
                    "4",
                    "`inputPorts[]`",
                    "`contractId`",
                    Kind.TEXT,
                    n -> product()
                            .productLine("inputPorts:\n  - name: source\n    contractId: " + x(n))
                            .yaml(),
                    "product\\.inputPorts\\[0\\]\\.contractId"),
            new Probe(
                    "4",
                    "`outputPorts[]`",
                    "`name` required",
                    Kind.TEXT,
                    n -> product()
                            .yaml()
                            .replace("  - name: main\n    type: table", "  - name: " + x(n) + "\n    type: table"),
                    "product\\.outputPorts\\[0\\]\\.name"),
            new Probe(
                    "4",
                    "`outputPorts[]`",
                    "`description`",
                    Kind.TEXT,
                    n -> product()
                            .yaml()
                            .replace("    type: table\n", "    type: table\n    description: " + x(n) + "\n"),
                    "product\\.outputPorts\\[0\\]\\.description"),
            new Probe(
                    "4",
                    "`outputPorts[]`",
                    "`version`",
                    Kind.TEXT,
                    n -> product()
                            .yaml()
                            .replace(
                                    "    type: table\n    version: \"1.0.0\"", "    type: table\n    version: " + x(n)),
                    "product\\.outputPorts\\[0\\]\\.version"),
            new Probe(
                    "4",
                    "`customProperties[]`",
                    "`property` required",
                    Kind.TEXT,
                    n -> product()
                            .productLine("  - property: " + x(n) + "\n    value: probe")
                            .yaml(),
                    "product\\.customProperties\\[\\d+\\]\\.property"),
            // §5 ODCS
            new Probe(
                    "5",
                    "`schema[]`",
                    "`name` required",
                    Kind.TEXT,
                    n -> product()
                            .yaml()
                            .replace(
                                    "  - name: main\n    physicalType: table",
                                    "  - name: " + x(n) + "\n    physicalType: table"),
                    "contracts\\[0\\]\\.schema\\[0\\]\\.name"),
            new Probe(
                    "5",
                    "`schema[].properties[]`",
                    "`name` required",
                    Kind.TEXT,
                    n -> product()
                            .columnYaml("      - name: " + x(n) + "\n        logicalType: string\n")
                            .yaml(),
                    "contracts\\[0\\]\\.schema\\[0\\]\\.properties\\[2\\]\\.name"),
            new Probe(
                    "5",
                    "`schema[].properties[]`",
                    "named by their path (below);",
                    Kind.LIST,
                    n -> {
                        Descriptors many = product().withoutColumns();
                        IntStream.range(0, n)
                                .forEach(i -> many.columnYaml("      - {name: c" + i + ", logicalType: string}"));
                        return many.yaml();
                    },
                    "contracts.*"),
            new Probe(
                    "5",
                    "`…physicalType`",
                    "",
                    Kind.TEXT,
                    n -> column("        physicalType: " + x(n) + "\n"),
                    "contracts\\[0\\]\\.schema\\[0\\]\\.properties\\[2\\]\\.physicalType"),
            new Probe(
                    "5",
                    "`…description`",
                    "Markdown",
                    Kind.TEXT,
                    n -> column("        description: " + x(n) + "\n"),
                    "contracts\\[0\\]\\.schema\\[0\\]\\.properties\\[2\\]\\.description"),
            new Probe(
                    "5",
                    "`…tags`",
                    "",
                    Kind.LIST,
                    n -> column("        tags: "
                            + IntStream.range(0, n).mapToObj(i -> "t" + i).collect(Collectors.joining(", ", "[", "]"))
                            + "\n"),
                    "contracts\\[0\\]\\.schema\\[0\\]\\.properties\\[2\\]\\.tags"),
            new Probe(
                    "5",
                    "`…tags`",
                    "texts",
                    Kind.LIST_ITEM,
                    n -> column("        tags: [" + x(n) + "]\n"),
                    "contracts\\[0\\]\\.schema\\[0\\]\\.properties\\[2\\]\\.tags\\[0\\]"),
            new Probe(
                    "5",
                    "`slaProperties[]`",
                    "`property` required",
                    Kind.TEXT,
                    n -> product().slaProperty(x(n), "1", null).yaml(),
                    "contracts\\[0\\]\\.slaProperties\\[\\d+\\]\\.property"),
            new Probe(
                    "5",
                    "`slaProperties[]`",
                    "(text, number or boolean)",
                    Kind.TEXT,
                    n -> product().slaProperty("retention", x(n), null).yaml(),
                    "contracts\\[0\\]\\.slaProperties\\[\\d+\\]\\.value"),
            new Probe(
                    "5",
                    "`slaProperties[]`",
                    "`unit`",
                    Kind.TEXT,
                    n -> product().slaProperty("retention", "400", x(n)).yaml(),
                    "contracts\\[0\\]\\.slaProperties\\[\\d+\\]\\.unit"),
            // §6 custom properties (rows named by their property)
            new Probe(
                    "6",
                    "`changelog`",
                    "Markdown",
                    Kind.TEXT,
                    n -> product().changelog("x".repeat(n)).yaml(),
                    "product\\.customProperties\\[\\d+\\]\\.value"),
            new Probe(
                    "6",
                    "`consumers`",
                    "team` required",
                    Kind.TEXT,
                    n -> product()
                            .withoutConsumers()
                            .consumer("x".repeat(n), "billing", "Rate usage")
                            .yaml(),
                    "product\\.customProperties\\[\\d+\\]\\.value\\[0\\]\\.team"),
            new Probe(
                    "6",
                    "`consumers`",
                    "`purpose` required",
                    Kind.TEXT,
                    n -> product()
                            .withoutConsumers()
                            .consumer("Billing", "billing", "x".repeat(n))
                            .yaml(),
                    "product\\.customProperties\\[\\d+\\]\\.value\\[0\\]\\.purpose"),
            new Probe(
                    "6",
                    "`lifecycleMapping`",
                    "internal`",
                    Kind.TEXT,
                    n -> product()
                            .productLine("  - property: lifecycleMapping\n    value:\n      - {internal: " + x(n)
                                    + ", canonical: active}")
                            .yaml(),
                    "product\\.customProperties\\[\\d+\\]\\.value\\[0\\]\\.internal"),
            new Probe(
                    "6",
                    "`location`",
                    "text",
                    Kind.TEXT,
                    n -> product().outputLocation("x".repeat(n)).yaml(),
                    "product\\.outputPorts\\[0\\]\\.customProperties\\[0\\]\\.value"),
            new Probe(
                    "6",
                    "`accessNote`",
                    "text",
                    Kind.TEXT,
                    n -> column("        customProperties:\n          - property: accessNote\n            value: "
                            + x(n) + "\n"),
                    "contracts\\[0\\]\\.schema\\[0\\]\\.properties\\[2\\]\\.customProperties\\[0\\]\\.value"));

    @TestFactory
    Stream<DynamicTest> everyLimitInTheDocIsTheOneTheReaderEnforces() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("docs/descriptor.md"), UTF_8);
        return PROBES.stream()
                .map(probe -> DynamicTest.dynamicTest(probe.name(), () -> {
                    int limit = limitInDoc(doc, probe);
                    List<FieldProblem> problems = problemsOf(probe.yaml().apply(limit + 1));
                    String expected = switch (probe.kind()) {
                        case TEXT -> "is " + (limit + 1) + " characters long; at most " + limit + " are accepted";
                        case LIST -> "at most " + limit + " are accepted";
                        case LIST_ITEM -> "is longer than " + limit + " characters";
                    };
                    assertThat(problems)
                            .as("%s: the doc says at most %d", probe.name(), limit)
                            .anySatisfy(p -> {
                                assertThat(p.field()).matches(probe.field());
                                assertThat(p.message()).contains(expected);
                            });
                }));
    }

    @Test
    void theParsersLimitsAreTheDocs() throws IOException {
        String refusals = String.join("\n", Files.readAllLines(Path.of("docs/descriptor.md"), UTF_8));
        assertThat(refusals).contains("| nesting deeper than " + DescriptorParser.MAX_DEPTH + " levels");
        assertThat(refusals).contains("| more than " + DescriptorParser.MAX_DOCUMENTS + " documents in one body");
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(Integer.parseInt(properties.getProperty("signalbox.descriptor.max-bytes")))
                .as("§9 says a body over 1 MiB is refused")
                .isEqualTo(1024 * 1024);
        assertThat(refusals).contains("| body over 1 MiB (`signalbox.descriptor.max-bytes`");
    }

    /** The number after {@code probe.before} and "≤" in the doc's row for the probe's field, in its section. */
    private static int limitInDoc(List<String> doc, Probe probe) {
        boolean inSection = false;
        for (String line : doc) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith("## " + probe.section() + ".");
                continue;
            }
            if (!inSection || !line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            // §6 names its rows by property (second column); the other tables by field (first column).
            String key = (probe.section().equals("6") ? cells[2] : cells[1]).strip();
            if (!key.equals(probe.row())) {
                continue;
            }
            Matcher number = Pattern.compile(Pattern.quote(probe.before()) + NUMBER.pattern())
                    .matcher(line);
            if (!number.find()) {
                fail(
                        "docs/descriptor.md §%s row %s states no limit after '%s'",
                        probe.section(), probe.row(), probe.before());
            }
            return Integer.parseInt(number.group(1).replace(" ", ""));
        }
        return fail("docs/descriptor.md §%s has no row %s", probe.section(), probe.row());
    }

    private static List<FieldProblem> problemsOf(String yaml) {
        try {
            DescriptorReader.read(yaml.getBytes(UTF_8), DescriptorFormat.YAML);
            return new ArrayList<>();
        } catch (Refusal refusal) {
            return refusal.problems();
        }
    }
}
