package io.signalbox.governance.rules.checks;

import static io.signalbox.governance.rules.ProposalBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.governance.rules.CheckRun;
import io.signalbox.governance.rules.Findings.Found;
import io.signalbox.governance.rules.ProposalBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentationCompleteCheckTest {

    private final DocumentationCompleteCheck check = new DocumentationCompleteCheck();

    private List<Found> findingsFor(ProposalBuilder proposal) {
        return CheckRun.findingsOf(check, proposal.build());
    }

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("documentation-complete");
    }

    @Test
    void aFullyDocumentedProductPasses() {
        assertThat(findingsFor(aProduct())).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aProductWithoutAnOwnersContactIsFound(String email) {
        List<Found> found = findingsFor(aProduct().owner("Ana Costa", email));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("team.members");
            assertThat(f.problem()).isEqualTo("no owner with a contact is named");
            assertThat(f.fix()).contains("role: owner", "e-mail address");
        });
    }

    @Test
    void anOwnerWithAContactButNoNameIsEnough() {
        assertThat(findingsFor(aProduct().owner(null, "ana.costa@example.com"))).isEmpty();
    }

    @Test
    void aProductWithoutSupportIsFound() {
        List<Found> found = findingsFor(aProduct().withoutSupport());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("support");
            assertThat(f.problem()).isEqualTo("no support channel is given");
            assertThat(f.fix()).contains("support:", "channel");
        });
    }

    @Test
    void aProductWithoutDeclaredConsumersIsFound() {
        List<Found> found = findingsFor(aProduct().withoutConsumers());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("customProperties.consumers");
            assertThat(f.problem()).isEqualTo("no consumers are declared");
            assertThat(f.fix()).contains("list the teams", "deprecations");
        });
    }

    @Test
    void aProductWithoutASchemaIsFound() {
        List<Found> found = findingsFor(aProduct().withoutColumns());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("contracts");
            assertThat(f.problem()).isEqualTo("no schema is published");
            assertThat(f.fix()).contains("DataContract", "schema");
        });
    }

    @Test
    void aProductWithoutAClassificationLabelIsFound() {
        List<Found> found = findingsFor(aProduct().classification(null));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("customProperties.classification");
            assertThat(f.problem()).isEqualTo("the product has no classification label");
            assertThat(f.fix()).contains("property: classification", "internal");
        });
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " \n "})
    void aProductWithoutAChangelogIsFound(String changelog) {
        List<Found> found = findingsFor(aProduct().changelog(changelog));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("customProperties.changelog");
            assertThat(f.problem()).isEqualTo("there is no changelog");
            assertThat(f.fix()).contains("property: changelog");
        });
    }

    @Test
    void everyMissingPieceIsFoundInTheOrderAReaderLooksForThem() {
        List<Found> found = findingsFor(aProduct()
                .withoutOwner()
                .withoutSupport()
                .withoutConsumers()
                .withoutColumns()
                .classification(null)
                .changelog(null));

        assertThat(found)
                .extracting(Found::field)
                .containsExactly(
                        "team.members",
                        "support",
                        "customProperties.consumers",
                        "contracts",
                        "customProperties.classification",
                        "customProperties.changelog");
    }
}
