package io.signalbox.governance.rules.checks;

import static io.signalbox.governance.rules.ProposalBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalIdentifierFormatCheckTest {

    private static final String SERVICE_FORMAT =
            "Service identifiers look like SVC-0000012345 (format ^SVC-[0-9]{10}$)";

    private final CanonicalIdentifierFormatCheck check = new CanonicalIdentifierFormatCheck();

    private List<Found> findingsFor(ProposalBuilder proposal) {
        return CheckRun.findingsOf(check, proposal.build());
    }

    private static ProposalBuilder serviceId(String logicalType, String physicalType) {
        return aProduct().alterColumn("service_id", c -> c.type(logicalType).physicalType(physicalType));
    }

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("canonical-identifier-format");
    }

    @Test
    void aStringIdentifierLongEnoughForTheCouncilsFormatPasses() {
        assertThat(findingsFor(aProduct())).isEmpty();
    }

    @Test
    void anIntegerIdentifierIsFound() {
        List<Found> found = findingsFor(serviceId("integer", null));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_id.logicalType");
            assertThat(f.problem()).isEqualTo("service_id holds Service.service_id but is integer; " + SERVICE_FORMAT);
            assertThat(f.fix())
                    .isEqualTo("declare logicalType: string and publish the identifiers as text in the canonical"
                            + " format");
        });
    }

    @Test
    void anUntypedIdentifierIsFound() {
        List<Found> found = findingsFor(serviceId(null, null));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_id.logicalType");
            assertThat(f.problem()).startsWith("service_id holds Service.service_id but is untyped; ");
        });
    }

    @Test
    void aTextColumnShorterThanAnIdentifierIsFound() {
        List<Found> found = findingsFor(serviceId("string", "varchar(8)"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_id.physicalType");
            assertThat(f.problem()).isEqualTo("varchar(8) cannot hold a whole identifier: " + SERVICE_FORMAT);
            assertThat(f.fix()).isEqualTo("make the column at least 14 characters long");
        });
    }

    @Test
    void oneCharacterShortOfTheExampleIsTooShort() {
        assertThat(findingsFor(serviceId("string", "varchar(13)")))
                .extracting(Found::field)
                .containsExactly("schema.main.service_id.physicalType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"varchar(14)", "varchar(15)", "varchar(255)"})
    void aTextColumnAsLongAsTheExampleOrLongerPasses(String physicalType) {
        assertThat(findingsFor(serviceId("string", physicalType))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"VARCHAR(8)", "character varying(8)", "char(8)", "CHARACTER(8)", "nvarchar(8)", " varchar ( 8 ) "
            })
    void everySpellingOfABoundedTextTypeIsMeasured(String physicalType) {
        assertThat(findingsFor(serviceId("string", physicalType)))
                .extracting(Found::field)
                .containsExactly("schema.main.service_id.physicalType");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"text", "varchar", "string", "uuid", "varchar(8) not null"})
    void physicalTypesWithoutALengthAreNotMeasured(String physicalType) {
        assertThat(findingsFor(serviceId("string", physicalType))).isEmpty();
    }

    @Test
    void aWrongTypeAndAShortColumnAreBothFoundTypeFirst() {
        assertThat(findingsFor(serviceId("integer", "char(4)")))
                .extracting(Found::field)
                .containsExactly("schema.main.service_id.logicalType", "schema.main.service_id.physicalType");
    }

    @Test
    void eachEntityIsMeasuredAgainstItsOwnExample() {
        // CUS-00012345 has 12 characters, ORD-0000012345 has 14.
        ProposalBuilder proposal = aProduct()
                .column("customer_id", c -> c.physicalType("varchar(12)").canonical("Customer.customer_id"))
                .column("order_id", c -> c.physicalType("varchar(12)").canonical("Order.order_id"));

        List<Found> found = findingsFor(proposal);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.order_id.physicalType");
            assertThat(f.problem()).contains("Order identifiers look like ORD-0000012345 (format ^ORD-[0-9]{10}$)");
            assertThat(f.fix()).isEqualTo("make the column at least 14 characters long");
        });
    }

    @Test
    void theMappingDecidesNotTheColumnName() {
        ProposalBuilder proposal = aProduct()
                .column("svc", c -> c.type("integer").canonical("Service.service_id"))
                .column("customer_id", c -> c.type("integer"));

        assertThat(findingsFor(proposal)).extracting(Found::field).containsExactly("schema.main.svc.logicalType");
    }

    @Test
    void aNestedIdentifierIsFoundByItsFullPath() {
        ProposalBuilder proposal = aProduct()
                .column(
                        "billing.customer_id",
                        c -> c.in("invoices").type("number").canonical("Customer.customer_id"));

        assertThat(findingsFor(proposal))
                .extracting(Found::field)
                .containsExactly("schema.invoices.billing.customer_id.logicalType");
    }

    @Test
    void attributesOtherThanTheIdentifierAreNotThisRulesConcern() {
        ProposalBuilder proposal = aProduct()
                .alterColumn("service_name", c -> c.type("integer").physicalType("char(1)"))
                .column("order_date", c -> c.type("date").canonical("Order.order_date"));

        assertThat(findingsFor(proposal)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Widget.widget_id", "service.service_id", "Service", "Service.Service_id"})
    void mappingsToNoCouncilIdentifierAreLeftToOtherRules(String canonical) {
        ProposalBuilder proposal =
                aProduct().column("other_id", c -> c.type("integer").canonical(canonical));

        assertThat(findingsFor(proposal)).isEmpty();
    }

    @Test
    void aCouncilThatLengthensTheFormatFindsColumnsSizedForTheOldOne() {
        Map<String, CanonicalModel.Entity> entities =
                new LinkedHashMap<>(Council.model().entities());
        entities.put(
                "Service",
                Council.entity(
                        "Service",
                        "service_id",
                        "^SVC-[0-9]{12}$",
                        "SVC-000000012345",
                        "lifecycle_state",
                        List.of("active"),
                        Council.attribute("service_id", "string", "The service's identifier", true)));

        List<Found> found = findingsFor(aProduct().model(new CanonicalModel(entities)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.service_id.physicalType");
            assertThat(f.problem()).contains("SVC-000000012345", "^SVC-[0-9]{12}$");
            assertThat(f.fix()).isEqualTo("make the column at least 16 characters long");
        });
    }
}
