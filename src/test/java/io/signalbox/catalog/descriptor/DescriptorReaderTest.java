package io.signalbox.catalog.descriptor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductParts.SlaProperty;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reading of ODPS and ODCS documents into a ProductDescriptor, without the catalog around it. */
class DescriptorReaderTest {

    private static final String DOMAIN = "network";

    @Test
    void readsAValidDescriptor() {
        Descriptors builder = Descriptors.product(DOMAIN).version("v2.3.4");

        ProductDescriptor descriptor = read(builder);

        assertEquals(DOMAIN, descriptor.domainKey());
        assertEquals(builder.key(), descriptor.productKey());
        assertEquals(new SemanticVersion(2, 3, 4, null), descriptor.version());
        assertEquals(LifecycleStatus.PUBLISHED, descriptor.status());
        assertEquals("ana.costa@example.com", descriptor.ownerEmail());
        assertEquals("Ana Costa", descriptor.ownerName());
        assertEquals("Network Data Team", descriptor.teamName());
        assertEquals(List.of("service", "inventory"), descriptor.tags());
        assertThat(descriptor.columns().stream().map(c -> c.name()).toList(), contains("service_id", "service_name"));
        assertEquals("Service.service_id", descriptor.columns().get(0).canonicalAttribute());
        assertEquals(builder.contractId(), descriptor.outputPorts().get(0).contractId());
        assertEquals("table", descriptor.outputPorts().get(0).kind());
        assertEquals(DescriptorFormat.YAML, descriptor.format());
        assertEquals(builder.yaml(), descriptor.text());
        assertEquals(64, descriptor.contentHash().length());
    }

    @ParameterizedTest
    @CsvSource({
        "proposed, DRAFT",
        "draft, DRAFT",
        "active, PUBLISHED",
        "published, PUBLISHED",
        "deprecated, DEPRECATED",
        "retired, RETIRED",
        "Active, PUBLISHED",
        "DEPRECATED, DEPRECATED",
    })
    void mapsOdpsStatusesToLifecycleStatuses(String odpsStatus, LifecycleStatus expected) {
        assertEquals(
                expected, read(Descriptors.product(DOMAIN).status(odpsStatus)).status());
    }

    @Test
    void refusesAnUnknownStatus() {
        List<FieldProblem> problems = refusal(Descriptors.product(DOMAIN).status("archived"));

        assertEquals(List.of("product.status"), fields(problems));
        assertThat(problems.get(0).message(), containsString("'archived' is not an ODPS status"));
    }

    @Test
    void derivesTheProductClassificationFromItsMostSensitiveColumn() {
        Descriptors builder = Descriptors.product(DOMAIN)
                .classification(null)
                .withoutColumns()
                .column("service_id", "string", true, "internal", false, null, "Id")
                .column("customer_msisdn", "string", false, "restricted", true, null, "Phone number")
                .column("customer_name", "string", false, "confidential", true, null, "Name")
                .column("notes", "string", false, null, false, null, "Free text")
                .column("region", "string", false, "public", false, null, "Region");

        ProductDescriptor descriptor = read(builder);

        assertEquals(Classification.RESTRICTED, descriptor.classification());
        assertEquals(Classification.RESTRICTED, descriptor.columns().get(1).classification());
        assertEquals(true, descriptor.columns().get(1).pii());
        assertEquals("Masked outside customer care", descriptor.columns().get(1).accessNote());
        assertNull(descriptor.columns().get(3).classification());
    }

    @Test
    void aDeclaredClassificationWinsOverTheColumns() {
        Descriptors builder = Descriptors.product(DOMAIN)
                .classification("confidential")
                .column("customer_msisdn", "string", false, "restricted", true, null, "Phone number");

        assertEquals(Classification.CONFIDENTIAL, read(builder).classification());
    }

    @Test
    void noClassificationAnywhereLeavesTheProductUnclassified() {
        Descriptors builder = Descriptors.product(DOMAIN)
                .classification(null)
                .withoutColumns()
                .column("service_id", "string", true, null, false, null, "Id");

        assertNull(read(builder).classification());
    }

    @Test
    void derivesTheSlugFromTheNameWhenAbsent() {
        Descriptors builder =
                Descriptors.product(DOMAIN).withoutSlugProperty().title("  Service Inventory — Mobile 5G!  ");

        ProductDescriptor descriptor = read(builder);

        assertEquals("service-inventory-mobile-5g", descriptor.slug());
        assertEquals("network.service-inventory-mobile-5g", descriptor.productKey());
        assertEquals("Service Inventory — Mobile 5G!", descriptor.title());
    }

    @Test
    void aDerivedSlugIsCutToSixtyThreeCharactersWithoutATrailingHyphen() {
        String name = "a".repeat(62) + " b" + " tail".repeat(20);
        Descriptors builder = Descriptors.product(DOMAIN).withoutSlugProperty().title(name);

        assertEquals("a".repeat(62), read(builder).slug());
    }

    @Test
    void readsFreshnessAndAvailabilityFromTheSlaProperties() {
        ProductDescriptor descriptor = read(Descriptors.product(DOMAIN));

        assertEquals("daily by 06:00 UTC", descriptor.slaFreshness());
        assertEquals("99.5%", descriptor.slaAvailability());
        assertEquals(
                List.of(
                        new SlaProperty("freshness", "daily by 06:00 UTC", null),
                        new SlaProperty("availability", "99.5", "percent")),
                descriptor.sla());
    }

    @Test
    void readsLatencyAsFreshnessAndUptimeAsAvailability() {
        Descriptors builder = Descriptors.product(DOMAIN)
                .withoutSla()
                .slaProperty("retention", "1", "year")
                .slaProperty("Latency", "4", "hours")
                .slaProperty("uptime", "99.9", null);

        ProductDescriptor descriptor = read(builder);

        assertEquals("4 hours", descriptor.slaFreshness());
        assertEquals("99.9", descriptor.slaAvailability());
        assertEquals(3, descriptor.sla().size());
    }

    @Test
    void noSlaLeavesFreshnessAndAvailabilityEmpty() {
        ProductDescriptor descriptor = read(Descriptors.product(DOMAIN).withoutSla());

        assertNull(descriptor.slaFreshness());
        assertNull(descriptor.slaAvailability());
    }

    @Test
    void aTeamGivenAsAPlainListInTheContractNamesTheOwner() {
        Descriptors builder = Descriptors.product(DOMAIN)
                .withoutProductTeam()
                .contractLine("team:")
                .contractLine("  - username: lee.wong@example.com")
                .contractLine("    name: Lee Wong")
                .contractLine("    role: dataOwner")
                .contractLine("  - username: sam")
                .contractLine("    role: engineer");

        ProductDescriptor descriptor = read(builder);

        assertEquals("lee.wong@example.com", descriptor.ownerEmail());
        assertEquals("Lee Wong", descriptor.ownerName());
        assertNull(descriptor.teamName());
        assertEquals(
                List.of(
                        new TeamMember("lee.wong@example.com", "Lee Wong", "dataOwner"),
                        new TeamMember("sam", null, "engineer")),
                descriptor.team());
    }

    @Test
    void aTeamWithoutAnOwnerIsRefused() {
        List<FieldProblem> problems = refusal(Descriptors.product(DOMAIN).ownerRole("engineer"));

        assertEquals(List.of("product.team.members"), fields(problems));
    }

    @Test
    void theSameMeaningInAnotherKeyOrderGivesTheSameContentHash() {
        Descriptors builder = Descriptors.product(DOMAIN);
        String yaml = builder.yaml();
        String[] documents = yaml.split("(?m)^---\n");
        String reordered = "# the same product, written differently\n" + reverseTopLevelKeys(documents[0]) + "---\n"
                + reverseTopLevelKeys(documents[1]);
        assertNotEquals(yaml, reordered);

        ProductDescriptor original = read(yaml);
        ProductDescriptor shuffled = read(reordered);
        ProductDescriptor asJson = DescriptorReader.read(builder.json().getBytes(UTF_8), DescriptorFormat.JSON);

        assertEquals(original.contentHash(), shuffled.contentHash());
        assertEquals(original.contentHash(), asJson.contentHash());
        assertEquals(original.productKey(), shuffled.productKey());
    }

    @Test
    void aDifferentMeaningGivesADifferentContentHash() {
        Descriptors builder = Descriptors.product(DOMAIN);
        String before = read(builder).contentHash();

        assertNotEquals(
                before, read(builder.purpose("Something else entirely.")).contentHash());
        assertNotEquals(before, read(builder.version("1.0.1")).contentHash());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Descriptors builder = Descriptors.product(DOMAIN)
                .productField("apiVersion", "v9.0.0")
                .status("archived")
                .supportUrl("javascript:alert(1)")
                .title("x".repeat(201));

        assertEquals(
                List.of("product.apiVersion", "product.name", "product.status", "product.support[0].url"),
                fields(refusal(builder)).stream().sorted().toList());
    }

    private static ProductDescriptor read(Descriptors builder) {
        return read(builder.yaml());
    }

    private static ProductDescriptor read(String yaml) {
        return DescriptorReader.read(yaml.getBytes(UTF_8), DescriptorFormat.YAML);
    }

    private static List<FieldProblem> refusal(Descriptors builder) {
        Refusal.Invalid refusal = assertThrows(Refusal.Invalid.class, () -> read(builder));
        return refusal.problems();
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    /** Splits a YAML document into its top-level entries and writes them in the opposite order. */
    private static String reverseTopLevelKeys(String document) {
        List<String> entries = new ArrayList<>();
        for (String line : document.split("\n")) {
            if (!line.startsWith(" ") && !line.startsWith("-") && !line.isEmpty()) {
                entries.add(line + "\n");
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + line + "\n");
            }
        }
        Collections.reverse(entries);
        return String.join("", entries);
    }
}
