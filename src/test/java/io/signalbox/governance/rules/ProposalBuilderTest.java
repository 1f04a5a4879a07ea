package io.signalbox.governance.rules;

import static io.signalbox.governance.rules.ProposalBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.governance.rules.checks.AdditiveExtensionsCheck;
import io.signalbox.governance.rules.checks.BreakingChangeNeedsMajorCheck;
import io.signalbox.governance.rules.checks.CanonicalIdentifierFormatCheck;
import io.signalbox.governance.rules.checks.CanonicalNamesKeepMeaningCheck;
import io.signalbox.governance.rules.checks.ColumnsClassifiedCheck;
import io.signalbox.governance.rules.checks.DocumentationCompleteCheck;
import io.signalbox.governance.rules.checks.FreshnessDeclaredCheck;
import io.signalbox.governance.rules.checks.PersonalDataProtectedCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder the rule tests start from: its default passes every rule, and it compares versions as the gate does. */
class ProposalBuilderTest {

    private static final List<RuleCheck> EVERY_CHECK = List.of(
            new CanonicalIdentifierFormatCheck(),
            new AdditiveExtensionsCheck(),
            new CanonicalNamesKeepMeaningCheck(),
            new ColumnsClassifiedCheck(),
            new PersonalDataProtectedCheck(),
            new DocumentationCompleteCheck(),
            new FreshnessDeclaredCheck(),
            new BreakingChangeNeedsMajorCheck());

    @Test
    void theDefaultProductPassesEveryRule() {
        Proposal proposal = aProduct()
                .column("msisdn", c -> c.protectedPersonalData())
                .previouslyPublishedAs("1.0.0")
                .version("1.1.0")
                .build();

        for (RuleCheck check : EVERY_CHECK) {
            assertThat(CheckRun.findingsOf(check, proposal)).as(check.ruleId()).isEmpty();
        }
    }

    @Test
    void theDefaultProductImplementsTheCanonicalService() {
        Proposal proposal = aProduct().build();

        assertThat(proposal.implementedEntities()).containsExactly("Service");
        assertThat(proposal.model().names()).containsExactly("Customer", "Order", "Product", "Service");
        assertThat(proposal.previous()).isEmpty();
        assertThat(proposal.schemaChanges()).isEmpty();
    }

    @Test
    void aPreviousVersionIsComparedWithTheProposalAsTheGateCompares() {
        Proposal proposal = aProduct()
                .previouslyPublishedAs("1.2.0")
                .version("1.3.0")
                .alterColumn("service_name", c -> c.name("service_label"))
                .column("vlan_id", c -> c.type("integer"))
                .build();

        assertThat(proposal.previous()).hasValueSatisfying(previous -> {
            assertThat(previous.version).isEqualTo("1.2.0");
            assertThat(previous.major).isEqualTo(1);
            assertThat(previous.minor).isEqualTo(2);
            assertThat(previous.columns).extracting(c -> c.name).containsExactly("service_id", "service_name");
        });
        assertThat(proposal.descriptor().version()).hasToString("1.3.0");
        assertThat(proposal.schemaChanges())
                .extracting(SchemaDiff.Change::kind, SchemaDiff.Change::column)
                .containsExactly(
                        tuple(SchemaDiff.Kind.COLUMN_RENAMED, "main.service_name"),
                        tuple(SchemaDiff.Kind.COLUMN_ADDED, "main.vlan_id"));
    }

    @Test
    void theCouncilsDefaultParametersAreUsedUnlessATestSetsItsOwn() {
        assertThat(Council.parameters("personal-data-protected"))
                .containsEntry("classifications", List.of("confidential", "restricted"));
        assertThat(Council.parameters("columns-classified")).isEmpty();
    }

    @Test
    void aColumnIsAddedOnceAndAlteredOrRemovedOnlyWhenItExists() {
        assertThatThrownBy(() -> aProduct().column("service_id")).hasMessageContaining("already a column");
        assertThatThrownBy(() -> aProduct().alterColumn("vlan_id", c -> c)).hasMessageContaining("no column vlan_id");
        assertThatThrownBy(() -> aProduct().withoutColumn("vlan_id")).hasMessageContaining("no column vlan_id");
    }
}
