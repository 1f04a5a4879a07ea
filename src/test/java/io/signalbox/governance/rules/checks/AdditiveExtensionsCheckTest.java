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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdditiveExtensionsCheckTest {

    private final AdditiveExtensionsCheck check = new AdditiveExtensionsCheck();

    private List<Found> findingsFor(ProposalBuilder proposal) {
        return CheckRun.findingsOf(check, proposal.build());
    }

    /** A product about network elements: no column is mapped, so it implements no canonical entity. */
    private static ProposalBuilder aNetworkProduct() {
        return aProduct().withoutColumns().column("element_id");
    }

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("additive-extensions");
    }

    @Test
    void columnsMappedToCanonicalAttributesWithTheirTypesPass() {
        assertThat(findingsFor(aProduct())).isEmpty();
    }

    @Test
    void aDomainsOwnUnmappedColumnIsAnExtensionAndPasses() {
        assertThat(findingsFor(aProduct().column("bandwidth_mbps", c -> c.type("integer"))))
                .isEmpty();
    }

    @Test
    void aMappingToAnAttributeTheCouncilDidNotDefineIsFound() {
        List<Found> found = findingsFor(
                aProduct().column("bandwidth_mbps", c -> c.type("integer").canonical("Service.bandwidth_mbps")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.bandwidth_mbps.customProperties.canonical");
            assertThat(f.problem())
                    .isEqualTo("bandwidth_mbps maps to Service.bandwidth_mbps, which the council has not defined;"
                            + " Service has service_id, service_name, service_type, lifecycle_state, access_node,"
                            + " monthly_price, rated_event_link");
            assertThat(f.fix())
                    .isEqualTo("remove the mapping to keep bandwidth_mbps as your domain's extension of Service, or"
                            + " ask the council to add the attribute");
        });
    }

    @Test
    void aMappingToAnEntityTheCouncilDoesNotKnowIsFound() {
        List<Found> found = findingsFor(aProduct().column("widget_id", c -> c.canonical("Widget.widget_id")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.widget_id.customProperties.canonical");
            assertThat(f.problem())
                    .isEqualTo("widget_id maps to Widget.widget_id, but there is no canonical entity Widget");
            assertThat(f.fix())
                    .isEqualTo("map to one of Customer, Order, Product, Service, or remove the mapping to keep the"
                            + " column as your domain's own");
        });
    }

    @Test
    void entityNamesAreMatchedAsTheCouncilWroteThem() {
        assertThat(findingsFor(aProduct().column("holder", c -> c.canonical("customer.customer_name"))))
                .extracting(Found::problem)
                .containsExactly("holder maps to customer.customer_name, but there is no canonical entity customer");
    }

    @Test
    void aMappedColumnThatRedefinesTheCanonicalTypeIsFound() {
        List<Found> found = findingsFor(
                aProduct().column("service_type", c -> c.type("integer").canonical("Service.service_type")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_type.logicalType");
            assertThat(f.problem())
                    .isEqualTo("service_type is integer but Service.service_type is string (The kind of capability,"
                            + " from the product catalogue's list of service types)");
            assertThat(f.fix())
                    .isEqualTo("declare logicalType: string, or remove the mapping and give the column a name of its"
                            + " own");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"number", "integer"})
    void anIntegerOrANumberFitsANumberAttribute(String type) {
        assertThat(findingsFor(aProduct().column("price", c -> c.type(type).canonical("Service.monthly_price"))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"string", "boolean"})
    void otherTypesDoNotFitANumberAttribute(String type) {
        assertThat(findingsFor(aProduct().column("price", c -> c.type(type).canonical("Service.monthly_price"))))
                .extracting(Found::field, Found::fix)
                .containsExactly(tuple(
                        "schema.main.price.logicalType",
                        "declare logicalType: number, or remove the mapping and give the column a name of its own"));
    }

    @Test
    void aDateDoesNotFitATimestampAttribute() {
        assertThat(findingsFor(aProduct().column("placed", c -> c.type("date").canonical("Order.order_date"))))
                .extracting(Found::problem)
                .containsExactly(
                        "placed is date but Order.order_date is timestamp (When the customer placed the" + " order)");
    }

    @Test
    void aNumberDoesNotFitAnIntegerAttribute() {
        Map<String, CanonicalModel.Entity> entities =
                new LinkedHashMap<>(Council.model().entities());
        entities.put(
                "Site",
                Council.entity(
                        "Site",
                        "site_id",
                        "^SIT-[0-9]{6}$",
                        "SIT-000123",
                        null,
                        List.of(),
                        Council.attribute("site_id", "string", "The site", true),
                        Council.attribute("floor_count", "integer", "Floors", false)));

        ProposalBuilder proposal = aProduct()
                .column("floors", c -> c.type("number").canonical("Site.floor_count"))
                .model(new CanonicalModel(entities));

        assertThat(findingsFor(proposal)).extracting(Found::field).containsExactly("schema.main.floors.logicalType");
    }

    @Test
    void anUntypedMappedColumnIsNotJudgedOnItsType() {
        assertThat(findingsFor(aProduct().alterColumn("service_name", c -> c.type(null))))
                .isEmpty();
    }

    @Test
    void typeCaseMatters() {
        // The reader only accepts lower-case ODCS types, so another spelling is another type.
        assertThat(findingsFor(aProduct().alterColumn("service_name", c -> c.type("String"))))
                .extracting(Found::field)
                .containsExactly("schema.main.service_name.logicalType");
    }

    @Test
    void everyMappedColumnIsJudgedInTheOrderDeclared() {
        List<Found> found = findingsFor(aProduct()
                .column("widget_id", c -> c.canonical("Widget.widget_id"))
                .column("bandwidth", c -> c.canonical("Service.bandwidth"))
                .column("service_type", c -> c.type("boolean").canonical("Service.service_type"))
                .column("node.access_node", c -> c.in("nodes").canonical("Service.access_node")));

        assertThat(found)
                .extracting(Found::field)
                .containsExactly(
                        "schema.main.widget_id.customProperties.canonical",
                        "schema.main.bandwidth.customProperties.canonical",
                        "schema.main.service_type.logicalType");
    }

    // ---- lifecycle states ----

    @Test
    void lifecycleStatesMappedIntoTheSharedVocabularyPass() {
        assertThat(findingsFor(aProduct()
                        .lifecycleMapping("in-service", "active")
                        .lifecycleMapping("ceased", "terminated")
                        .lifecycleMapping("draft", null)))
                .isEmpty();
    }

    @Test
    void aLifecycleStateMappedOutsideTheVocabularyIsFound() {
        List<Found> found =
                findingsFor(aProduct().lifecycleMapping("in-service", "active").lifecycleMapping("ceased", "gone"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("customProperties.lifecycleMapping[1].canonical");
            assertThat(f.problem())
                    .isEqualTo("'ceased' maps to 'gone', which is not in the shared lifecycle vocabulary of Service");
            assertThat(f.fix()).isEqualTo("map it to one of planned, active, suspended, terminated");
        });
    }

    @Test
    void aStateOfAnotherEntityIsOutsideTheVocabularyOfTheProductsOwn() {
        assertThat(findingsFor(aProduct().lifecycleMapping("provisioning", "in-progress")))
                .extracting(Found::field)
                .containsExactly("customProperties.lifecycleMapping[0].canonical");
    }

    @Test
    void statesAreMatchedAsTheCouncilWroteThem() {
        assertThat(findingsFor(aProduct().lifecycleMapping("live", "Active")))
                .extracting(Found::problem)
                .containsExactly("'live' maps to 'Active', which is not in the shared lifecycle vocabulary of Service");
    }

    @Test
    void aProductAboutSeveralEntitiesMayUseTheirVocabulariesTogether() {
        ProposalBuilder proposal = aProduct()
                .column("order_id", c -> c.physicalType("varchar(14)").canonical("Order.order_id"))
                .lifecycleMapping("in-service", "active")
                .lifecycleMapping("provisioning", "in-progress")
                .lifecycleMapping("lost", "withdrawn");

        List<Found> found = findingsFor(proposal);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("customProperties.lifecycleMapping[2].canonical");
            assertThat(f.problem()).endsWith("vocabulary of Service, Order");
            assertThat(f.fix())
                    .isEqualTo("map it to one of acknowledged, in-progress, completed, failed, cancelled, planned,"
                            + " active, suspended, terminated");
        });
    }

    @Test
    void aProductAboutNoEntityMayUseTheWholeSharedVocabulary() {
        ProposalBuilder proposal = aNetworkProduct()
                .lifecycleMapping("ordered", "in-progress")
                .lifecycleMapping("retired", "withdrawn")
                .lifecycleMapping("ceased", "gone");

        List<Found> found = findingsFor(proposal);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("customProperties.lifecycleMapping[2].canonical");
            assertThat(f.problem())
                    .isEqualTo("'ceased' maps to 'gone', which is not in the shared lifecycle vocabulary");
            assertThat(f.fix())
                    .isEqualTo("map it to one of prospect, active, suspended, closed, acknowledged, in-progress,"
                            + " completed, failed, cancelled, planned, withdrawn, terminated");
        });
    }

    @Test
    void aVocabularyTheCouncilExtendsAcceptsTheNewState() {
        ProposalBuilder proposal = aProduct().lifecycleMapping("ceasing", "ceasing");
        assertThat(findingsFor(proposal)).hasSize(1);

        Map<String, CanonicalModel.Entity> entities =
                new LinkedHashMap<>(Council.model().entities());
        CanonicalModel.Entity service = entities.get("Service");
        entities.put(
                "Service",
                new CanonicalModel.Entity(
                        service.name(),
                        service.identifierAttribute(),
                        service.identifierFormat(),
                        service.identifierExample(),
                        service.lifecycleAttribute(),
                        List.of("planned", "active", "ceasing", "suspended", "terminated"),
                        service.attributes()));

        assertThat(findingsFor(proposal.model(new CanonicalModel(entities)))).isEmpty();
    }
}
