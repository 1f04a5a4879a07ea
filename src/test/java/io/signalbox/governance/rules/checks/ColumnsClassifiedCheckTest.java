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

class ColumnsClassifiedCheckTest {

    private final ColumnsClassifiedCheck check = new ColumnsClassifiedCheck();

    private List<Found> findingsFor(ProposalBuilder proposal) {
        return CheckRun.findingsOf(check, proposal.build());
    }

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("columns-classified");
    }

    @Test
    void aProductWhoseColumnsAreAllClassifiedPasses() {
        assertThat(findingsFor(aProduct())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Classification.class)
    void anyClassificationCounts(Classification classification) {
        assertThat(findingsFor(aProduct().column("vlan_id", c -> c.classification(classification))))
                .isEmpty();
    }

    @Test
    void anUnclassifiedColumnIsFound() {
        List<Found> found =
                findingsFor(aProduct().column("vlan_id", c -> c.type("integer").unclassified()));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("schema.main.vlan_id.classification");
            assertThat(f.problem()).isEqualTo("vlan_id has no classification");
            assertThat(f.fix()).contains("classification:", "public, internal, confidential or restricted");
        });
    }

    @Test
    void eachUnclassifiedColumnIsFoundOnceInTheOrderDeclared() {
        List<Found> found = findingsFor(aProduct()
                .alterColumn("service_name", c -> c.unclassified())
                .column("vlan_id", c -> c.unclassified())
                .column("access_node", c -> c.classification(Classification.PUBLIC)));

        assertThat(found)
                .extracting(Found::field)
                .containsExactly("schema.main.service_name.classification", "schema.main.vlan_id.classification");
    }

    @Test
    void aNestedColumnIsFoundByItsFullPathInItsOwnTable() {
        List<Found> found = findingsFor(
                aProduct().column("address.postcode", c -> c.in("customers").unclassified()));

        assertThat(found)
                .extracting(Found::field, Found::problem)
                .containsExactly(tuple(
                        "schema.customers.address.postcode.classification", "address.postcode has no classification"));
    }

    @Test
    void aFieldInsideAnArraysItemsIsJudgedByItsPathAndItsContainersLabelCounts() {
        List<Found> found = findingsFor(aProduct()
                .column("lines", c -> c.in("orders").type("array").unclassified())
                .column("lines[].sku", c -> c.in("orders").inside("lines").unclassified())
                .column("shipments", c -> c.in("orders").type("array").classification(Classification.INTERNAL))
                .column(
                        "shipments[].city",
                        c -> c.in("orders").inside("shipments").inheriting(Classification.INTERNAL)));

        assertThat(found)
                .extracting(Found::field, Found::problem)
                .containsExactly(
                        tuple("schema.orders.lines.classification", "lines has no classification"),
                        tuple("schema.orders.lines[].sku.classification", "lines[].sku has no classification"));
    }

    @Test
    void aProductWithoutColumnsHasNothingToClassify() {
        assertThat(findingsFor(aProduct().withoutColumns())).isEmpty();
    }

    @Test
    void noParameterWaivesTheRule() {
        List<Found> found = CheckRun.findingsOf(
                check,
                aProduct().column("vlan_id", c -> c.unclassified()).build(),
                Map.of("classifications", List.of("public")));

        assertThat(found).hasSize(1);
    }
}
