package io.signalbox.governance.rules.checks;

import static io.signalbox.governance.rules.ProposalBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.governance.canonical.CanonicalModel;
import io.signalbox.governance.rules.CheckRun;
import io.signalbox.governance.rules.Council;
import io.signalbox.governance.rules.Findings.Found;
import io.signalbox.governance.rules.ProposalBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class CanonicalNamesKeepMeaningCheckTest {

    private final CanonicalNamesKeepMeaningCheck check = new CanonicalNamesKeepMeaningCheck();

    private List<Found> findingsFor(ProposalBuilder proposal) {
        return CheckRun.findingsOf(check, proposal.build());
    }

    /** A product about network elements: no column is mapped, so it implements no canonical entity. */
    private static ProposalBuilder aNetworkProduct() {
        return aProduct().withoutColumns().column("element_id");
    }

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("canonical-names-keep-meaning");
    }

    @Test
    void columnsNamedLikeTheAttributesTheyAreMappedToPass() {
        assertThat(findingsFor(aProduct())).isEmpty();
    }

    @Test
    void anUnmappedJoinKeyIsFound() {
        List<Found> found = findingsFor(aProduct().column("customer_id"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.customer_id");
            assertThat(f.problem())
                    .isEqualTo("customer_id is named like the canonical Customer.customer_id (The customer's"
                            + " identifier, the join key every domain shares) but is not mapped to it");
            assertThat(f.fix())
                    .isEqualTo("if it holds Customer.customer_id, add customProperties: [{property: canonical, value:"
                            + " Customer.customer_id}]; if it means something else, rename the column");
        });
    }

    @Test
    void aJoinKeyMappedToAnotherAttributeIsFound() {
        List<Found> found = findingsFor(aProduct().column("customer_id", c -> c.canonical("Service.service_name")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.customer_id");
            assertThat(f.problem()).endsWith("but is mapped to Service.service_name instead");
            assertThat(f.fix()).contains("value: Customer.customer_id");
        });
    }

    @Test
    void joinKeysCountInEveryProductEvenOnesAboutNoEntity() {
        assertThat(findingsFor(aNetworkProduct().column("order_id")))
                .extracting(Found::field)
                .containsExactly("schema.main.order_id");
    }

    @Test
    void aMappedJoinKeyOfAnotherEntityPasses() {
        assertThat(findingsFor(aProduct().column("customer_id", c -> c.canonical("Customer.customer_id"))))
                .isEmpty();
    }

    @Test
    void otherCanonicalNamesCountInProductsAboutTheirEntity() {
        List<Found> found = findingsFor(aProduct().column("lifecycle_state"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.lifecycle_state");
            assertThat(f.problem()).contains("the canonical Service.lifecycle_state", "is not mapped to it");
        });
    }

    @Test
    void otherCanonicalNamesAreFreeOutsideProductsAboutTheirEntity() {
        assertThat(findingsFor(aNetworkProduct().column("segment").column("lifecycle_state")))
                .isEmpty();
        assertThat(findingsFor(aProduct().column("segment")))
                .as("a Service product may have a segment of its own; it does not implement Customer")
                .isEmpty();
    }

    @Test
    void mappingAnyColumnToAnEntityBringsItsNamesIntoScope() {
        ProposalBuilder customerProduct = aNetworkProduct()
                .column("holder", c -> c.canonical("Customer.customer_name"))
                .column("segment");

        assertThat(findingsFor(customerProduct)).extracting(Found::field).containsExactly("schema.main.segment");
    }

    @Test
    void aMappingToAnAttributeTheCouncilDidNotDefineStillImplementsTheEntity() {
        ProposalBuilder proposal = aNetworkProduct()
                .column("tier", c -> c.canonical("Customer.loyalty_tier"))
                .column("segment");

        assertThat(findingsFor(proposal)).extracting(Found::field).containsExactly("schema.main.segment");
    }

    @Test
    void aMappingToAnEntityTheCouncilDoesNotKnowImplementsNothing() {
        ProposalBuilder proposal = aNetworkProduct()
                .column("widget_id", c -> c.canonical("Widget.widget_id"))
                .column("segment");

        assertThat(findingsFor(proposal)).isEmpty();
    }

    @Test
    void aNestedColumnIsJudgedByItsLastName() {
        List<Found> found = findingsFor(aProduct().column("contract.customer_id", c -> c.in("orders")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.orders.contract.customer_id");
            assertThat(f.problem()).startsWith("contract.customer_id is named like the canonical Customer.customer_id");
        });
    }

    @Test
    void aNestedColumnMappedToItsAttributePasses() {
        assertThat(findingsFor(aProduct().column("contract.customer_id", c -> c.canonical("Customer.customer_id"))))
                .isEmpty();
    }

    @Test
    void aNameThatOnlyContainsACanonicalNameIsFree() {
        assertThat(findingsFor(aProduct().column("previous_customer_id").column("customer_id_hash")))
                .isEmpty();
    }

    @Test
    void theCouncilsOwnIdentifierMappedElsewhereIsFoundOnce() {
        List<Found> found =
                findingsFor(aProduct().withoutColumns().column("service_id", c -> c.canonical("Customer.customer_id")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_id");
            assertThat(f.problem()).contains("canonical Service.service_id", "mapped to Customer.customer_id instead");
        });
    }

    @Test
    void anAttributeTheCouncilAddsClaimsItsNameInProductsAboutTheEntity() {
        ProposalBuilder proposal = aProduct().column("bandwidth_mbps", c -> c.type("integer"));
        assertThat(findingsFor(proposal)).isEmpty();

        Map<String, CanonicalModel.Entity> entities =
                new LinkedHashMap<>(Council.model().entities());
        CanonicalModel.Entity service = entities.get("Service");
        Map<String, CanonicalModel.Attribute> attributes = new LinkedHashMap<>(service.attributes());
        attributes.put("bandwidth_mbps", Council.attribute("bandwidth_mbps", "integer", "The sold bandwidth", false));
        entities.put(
                "Service",
                new CanonicalModel.Entity(
                        service.name(),
                        service.identifierAttribute(),
                        service.identifierFormat(),
                        service.identifierExample(),
                        service.lifecycleAttribute(),
                        service.lifecycleVocabulary(),
                        attributes));

        assertThat(findingsFor(proposal.model(new CanonicalModel(entities))))
                .extracting(Found::field, Found::problem)
                .containsExactly(tuple(
                        "schema.main.bandwidth_mbps",
                        "bandwidth_mbps is named like the canonical Service.bandwidth_mbps (The sold bandwidth) but is"
                                + " not mapped to it"));
    }

    /**
     * Column names are not restricted in case by the reader, and most stores fold unquoted identifiers, so
     * CUSTOMER_ID and Customer_Id are the join key customer_id to the readers the rule protects.
     */
    @Test
    @Disabled("suspected bug: CanonicalNamesKeepMeaningCheck matches names case-sensitively, so an unmapped"
            + " Customer_ID passes where customer_id is refused")
    void aJoinKeyInOtherCapitalsIsStillTheJoinKey() {
        assertThat(findingsFor(aProduct().column("Customer_ID")))
                .extracting(Found::field)
                .containsExactly("schema.main.Customer_ID");
    }
}
