package io.signalbox.governance.rules.checks;

import static io.signalbox.governance.rules.ProposalBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.catalog.model.Classification;
import io.signalbox.governance.rules.CheckRun;
import io.signalbox.governance.rules.Findings.Found;
import io.signalbox.governance.rules.Proposal;
import io.signalbox.governance.rules.ProposalBuilder;
import io.signalbox.governance.rules.SchemaDiff;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BreakingChangeNeedsMajorCheckTest {

    private final BreakingChangeNeedsMajorCheck check = new BreakingChangeNeedsMajorCheck();

    private List<Found> findingsFor(ProposalBuilder proposal) {
        return CheckRun.findingsOf(check, proposal.build());
    }

    /** The default product as published in 1.0.0, about to be published again as {@code version}. */
    private static ProposalBuilder after100(String version) {
        return aProduct().previouslyPublishedAs("1.0.0").version(version);
    }

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("breaking-change-needs-major");
    }

    @Test
    void aFirstVersionHasNoConsumersToBreak() {
        assertThat(findingsFor(aProduct().version("1.4.0").withoutColumn("service_name")))
                .isEmpty();
    }

    @Test
    void anUnchangedSchemaInTheSameMajorPasses() {
        assertThat(findingsFor(after100("1.1.0"))).isEmpty();
    }

    @Test
    void aRemovedColumnInTheSameMajorIsFound() {
        List<Found> found = findingsFor(after100("1.1.0").withoutColumn("service_name"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_name");
            assertThat(f.problem())
                    .isEqualTo("column removed (service_name → gone) can break consumers of 1.0.0: readers that select"
                            + " service_name no longer find it");
            assertThat(f.fix())
                    .isEqualTo("publish as 2.0.0 so consumers of 1.x keep what they rely on, or undo the change in"
                            + " 1.1.0");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.1", "1.1.0", "1.9.9", "1.1.0-rc.1"})
    void everyVersionOfTheSameMajorIsHeldToIt(String version) {
        assertThat(findingsFor(after100(version).withoutColumn("service_name")))
                .extracting(Found::field)
                .containsExactly("schema.main.service_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0.0", "2.0.0-rc.1", "3.0.0"})
    void aNewMajorMayBreak(String version) {
        assertThat(findingsFor(after100(version)
                        .withoutColumn("service_name")
                        .alterColumn("service_id", c -> c.type("integer"))))
                .isEmpty();
    }

    @Test
    void additiveChangesInTheSameMajorPass() {
        ProposalBuilder additive = aProduct()
                .column("vlan_id", c -> c.type("integer").physicalType("integer"))
                .previouslyPublishedAs("1.0.0")
                .version("1.1.0")
                .column("access_node", c -> c.canonical("Service.access_node"))
                .alterColumn(
                        "service_name",
                        c -> c.description("The name people use")
                                .classification(Classification.CONFIDENTIAL)
                                .required()
                                .physicalType("varchar(200)"))
                .alterColumn("vlan_id", c -> c.physicalType("bigint").canonical("Service.rated_event_link"));

        Proposal proposal = additive.build();
        assertThat(proposal.schemaChanges())
                .as("the changes are there, none breaking")
                .hasSizeGreaterThan(4);

        assertThat(CheckRun.findingsOf(check, proposal)).isEmpty();
    }

    @Test
    void aRenamedColumnIsFoundWithBothNames() {
        List<Found> found = findingsFor(after100("1.1.0").alterColumn("service_name", c -> c.name("service_label")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_name");
            assertThat(f.problem()).startsWith("column renamed (service_name → service_label) can break consumers");
        });
    }

    @Test
    void aNarrowedTypeIsFoundWithWhyItBreaks() {
        List<Found> found =
                findingsFor(after100("1.1.0").alterColumn("service_name", c -> c.physicalType("varchar(60)")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_name");
            assertThat(f.problem())
                    .isEqualTo("type changed (string (varchar(120)) → string (varchar(60))) can break consumers of"
                            + " 1.0.0: values up to 120 characters no longer fit in varchar(60)");
        });
    }

    @Test
    void aColumnThatBecomesOptionalIsFound() {
        assertThat(findingsFor(after100("1.1.0").alterColumn("service_id", c -> c.required(false))))
                .extracting(Found::problem)
                .containsExactly("required became optional (required → optional) can break consumers of 1.0.0: readers"
                        + " meet empty values they never saw");
    }

    @Test
    void aLoweredOrRemovedClassificationIsFound() {
        List<Found> found = findingsFor(after100("1.1.0")
                .alterColumn("service_id", c -> c.classification(Classification.PUBLIC))
                .alterColumn("service_name", c -> c.unclassified()));

        assertThat(found)
                .extracting(Found::field, Found::problem)
                .containsExactly(
                        tuple(
                                "schema.main.service_id",
                                "classification lowered (internal → public) can break consumers of 1.0.0: data"
                                        + " consumers were told to protect as internal would be handled as public"),
                        tuple(
                                "schema.main.service_name",
                                "classification lowered (internal → unclassified) can break consumers of 1.0.0: data"
                                        + " consumers were told to protect loses its label"));
    }

    @Test
    void aChangedPrimaryKeyIsFoundOnItsTable() {
        List<Found> found = findingsFor(after100("1.1.0").alterColumn("service_name", c -> c.primaryKey()));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main");
            assertThat(f.problem()).startsWith("primary key changed (service_id → service_id, service_name)");
        });
    }

    @Test
    void aChangedCanonicalMappingIsFound() {
        assertThat(findingsFor(after100("1.1.0").alterColumn("service_name", c -> c.canonical(null))))
                .extracting(Found::problem)
                .containsExactly("canonical mapping changed (Service.service_name → none) can break consumers of 1.0.0:"
                        + " readers that join on Service.service_name lose their join key");
    }

    @Test
    void eachBreakingChangeIsFoundOnceAndOnlyThose() {
        List<Found> found = findingsFor(aProduct()
                .column("vlan_id", c -> c.type("integer").in("circuits"))
                .column("address.postcode", c -> c.in("circuits"))
                .previouslyPublishedAs("1.2.3")
                .version("1.3.0")
                .withoutColumn("vlan_id")
                .withoutColumn("address.postcode")
                .column("node", c -> c.in("circuits"))
                .alterColumn("service_name", c -> c.description("Renamed in the UI")));

        assertThat(found)
                .extracting(Found::field)
                .containsExactlyInAnyOrder("schema.circuits.vlan_id", "schema.circuits.address.postcode");
        assertThat(found)
                .allSatisfy(f -> assertThat(f.fix())
                        .isEqualTo("publish as 2.0.0 so consumers of 1.x keep what they rely on, or undo the change"
                                + " in 1.3.0"));
    }

    @Test
    void theNextMajorIsCountedFromThePreviousVersion() {
        List<Found> found = findingsFor(
                aProduct().previouslyPublishedAs("4.2.0").version("4.3.0").withoutColumn("service_name"));

        assertThat(found)
                .extracting(Found::fix)
                .containsExactly("publish as 5.0.0 so consumers of 4.x keep what they rely on, or undo the change in"
                        + " 4.3.0");
        assertThat(found).extracting(Found::problem).allMatch(p -> p.contains("consumers of 4.2.0:"));
    }

    @Test
    void initialDevelopmentVersionsAreHeldToTheRuleToo() {
        // semver.org treats 0.x as unstable; the council's rule makes no exception for it.
        assertThat(findingsFor(aProduct()
                        .previouslyPublishedAs("0.3.0")
                        .version("0.4.0")
                        .withoutColumn("service_name")))
                .extracting(Found::fix)
                .containsExactly("publish as 1.0.0 so consumers of 0.x keep what they rely on, or undo the change in"
                        + " 0.4.0");
    }

    @Test
    void aVersionOfAnOlderMajorLineIsHeldToThePreviousVersionsLine() {
        assertThat(findingsFor(aProduct()
                        .previouslyPublishedAs("2.1.0")
                        .version("1.5.0")
                        .withoutColumn("service_name")))
                .extracting(Found::fix)
                .containsExactly("publish as 3.0.0 so consumers of 2.x keep what they rely on, or undo the change in"
                        + " 1.5.0");
    }

    @Test
    void aBreakingChangeWithNeitherBeforeNorAfterNamesTheColumn() {
        Proposal base = after100("1.1.0").build();
        Proposal proposal = new Proposal(
                base.descriptor(),
                base.previous(),
                List.of(new SchemaDiff.Change(
                        SchemaDiff.Kind.PRIMARY_KEY_CHANGED, "main", null, null, "rows may now repeat")),
                base.model());

        assertThat(CheckRun.findingsOf(check, proposal))
                .extracting(Found::problem)
                .containsExactly("primary key changed (main) can break consumers of 1.0.0: rows may now repeat");
    }
}
