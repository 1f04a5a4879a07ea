package io.signalbox.governance.rules.checks;

import static io.signalbox.governance.rules.ProposalBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.catalog.model.Classification;
import io.signalbox.governance.rules.CheckRun;
import io.signalbox.governance.rules.Findings.Found;
import io.signalbox.governance.rules.ProposalBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataProtectedCheckTest {

    private static final String NOTE = "Ask the data protection officer.";

    private final PersonalDataProtectedCheck check = new PersonalDataProtectedCheck();

    private List<Found> findingsFor(ProposalBuilder proposal) {
        return CheckRun.findingsOf(check, proposal.build());
    }

    private List<Found> findingsFor(ProposalBuilder proposal, Map<String, Object> parameters) {
        return CheckRun.findingsOf(check, proposal.build(), parameters);
    }

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("personal-data-protected");
    }

    @Test
    void protectedPersonalDataWithAnAccessNotePasses() {
        assertThat(findingsFor(aProduct().column("msisdn", c -> c.protectedPersonalData())))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Classification.class,
            names = {"CONFIDENTIAL", "RESTRICTED"})
    void theCouncilsDefaultClassificationsProtectPersonalData(Classification classification) {
        assertThat(findingsFor(aProduct()
                        .column(
                                "msisdn",
                                c -> c.pii().classification(classification).accessNote(NOTE))))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Classification.class,
            names = {"PUBLIC", "INTERNAL"})
    void personalDataClassifiedBelowConfidentialIsFound(Classification classification) {
        List<Found> found = findingsFor(aProduct()
                .column("msisdn", c -> c.pii().classification(classification).accessNote(NOTE)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.msisdn.classification");
            assertThat(f.problem()).isEqualTo("msisdn is personal data but is classified " + classification.label());
            assertThat(f.fix()).isEqualTo("classify it confidential or restricted");
        });
    }

    @Test
    void unclassifiedPersonalDataIsFoundAsUnclassified() {
        List<Found> found = findingsFor(
                aProduct().column("msisdn", c -> c.pii().unclassified().accessNote(NOTE)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.msisdn.classification");
            assertThat(f.problem()).isEqualTo("msisdn is personal data but is unclassified");
        });
    }

    @Test
    void personalDataInsideAnArraysItemsIsJudgedByItsPathWithTheLabelItInherited() {
        List<Found> found = findingsFor(aProduct()
                .column("lines", c -> c.in("orders").type("array"))
                .column(
                        "lines[].customer_email",
                        c -> c.in("orders")
                                .inside("lines")
                                .inheriting(Classification.INTERNAL)
                                .pii()));

        assertThat(found)
                .extracting(Found::field, Found::problem)
                .containsExactly(
                        tuple(
                                "schema.orders.lines[].customer_email.classification",
                                "lines[].customer_email is personal data but is classified internal (inherited from"
                                        + " lines)"),
                        tuple(
                                "schema.orders.lines[].customer_email.customProperties.accessNote",
                                "lines[].customer_email is personal data without an access note"));
    }

    @Test
    void personalDataWithoutAnAccessNoteIsFound() {
        List<Found> found =
                findingsFor(aProduct().column("msisdn", c -> c.pii().classification(Classification.RESTRICTED)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.msisdn.customProperties.accessNote");
            assertThat(f.problem()).isEqualTo("msisdn is personal data without an access note");
            assertThat(f.fix()).contains("property: accessNote", "how to request access");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankAccessNoteIsNoAccessNote(String blank) {
        List<Found> found = findingsFor(aProduct()
                .column(
                        "msisdn",
                        c -> c.pii().classification(Classification.RESTRICTED).accessNote(blank)));

        assertThat(found).extracting(Found::field).containsExactly("schema.main.msisdn.customProperties.accessNote");
    }

    @Test
    void unprotectedPersonalDataWithoutANoteIsFoundTwiceClassificationFirst() {
        List<Found> found = findingsFor(
                aProduct().column("address.street", c -> c.in("customers").pii()));

        assertThat(found)
                .extracting(Found::field)
                .containsExactly(
                        "schema.customers.address.street.classification",
                        "schema.customers.address.street.customProperties.accessNote");
    }

    @Test
    void columnsThatAreNotPersonalDataAreLeftAlone() {
        assertThat(findingsFor(aProduct().column("vlan_id", c -> c.classification(Classification.PUBLIC))))
                .isEmpty();
    }

    @Test
    void eachPersonalDataColumnIsJudgedOnItsOwn() {
        List<Found> found = findingsFor(aProduct()
                .column("msisdn", c -> c.protectedPersonalData())
                .column("email", c -> c.pii().accessNote(NOTE))
                .column("birth_date", c -> c.protectedPersonalData()));

        assertThat(found).extracting(Found::field).containsExactly("schema.main.email.classification");
    }

    @Test
    void aCouncilThatAcceptsOnlyRestrictedFindsConfidentialPersonalData() {
        Map<String, Object> onlyRestricted = Map.of("classifications", List.of("restricted"));

        List<Found> found = findingsFor(aProduct().column("msisdn", c -> c.protectedPersonalData()), onlyRestricted);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo("msisdn is personal data but is classified confidential");
            assertThat(f.fix()).isEqualTo("classify it restricted");
        });
    }

    @Test
    void aCouncilThatAcceptsInternalLetsInternalPersonalDataThrough() {
        Map<String, Object> relaxed = Map.of("classifications", List.of("internal", "confidential", "restricted"));

        assertThat(findingsFor(aProduct().column("msisdn", c -> c.pii().accessNote(NOTE)), relaxed))
                .isEmpty();
    }

    @Test
    void withoutTheParameterTheDefaultClassificationsApply() {
        ProposalBuilder internalPii = aProduct().column("msisdn", c -> c.pii().accessNote(NOTE));

        assertThat(findingsFor(internalPii, Map.of()))
                .extracting(Found::fix)
                .containsExactly("classify it confidential or restricted");
        assertThat(findingsFor(aProduct().column("msisdn", c -> c.protectedPersonalData()), Map.of()))
                .isEmpty();
    }

    @Test
    void aParameterThatIsNotAListOfWordsFallsBackToTheDefault() {
        Map<String, Object> notAList = Map.of("classifications", "internal");

        assertThat(findingsFor(aProduct().column("msisdn", c -> c.pii().accessNote(NOTE)), notAList))
                .extracting(Found::fix)
                .containsExactly("classify it confidential or restricted");
    }

    /**
     * The council's parameter is accepted by RuleService however it is capitalised (it checks each word with
     * Classification.fromLabel, which ignores case and surrounding spaces) and stored as typed, but the check compares
     * it with the lower-case label.
     */
    @Test
    void theCouncilsClassificationsAreReadAsTheRuleServiceAcceptedThem() {
        Map<String, Object> capitalised = Map.of("classifications", List.of("Restricted", " confidential "));

        assertThat(findingsFor(
                        aProduct()
                                .column(
                                        "msisdn",
                                        c -> c.pii()
                                                .classification(Classification.RESTRICTED)
                                                .accessNote(NOTE)),
                        capitalised))
                .isEmpty();
    }
}
