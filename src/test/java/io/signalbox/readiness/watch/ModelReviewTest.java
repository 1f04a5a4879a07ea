package io.signalbox.readiness.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PagedLists;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quarterly model review (docs/mesh-watch.md): canonical attributes no live product maps. */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class ModelReviewTest {

    private static final String LIST = "/api/readiness/watch/model-review?size=3";

    private static List<String> unmapped() {
        return PagedLists.allItems(LIST).stream()
                .map(a -> a.get("entity") + "." + a.get("attribute"))
                .toList();
    }

    @Test
    void anAttributeNoLiveProductMapsIsACandidateUntilAProductMapsIt() {
        String domain = Descriptors.newDomain();
        Descriptors.product(domain).publish().then().statusCode(201);
        List<String> before = unmapped();
        assertThat(before)
                .as("mapped by the product just published")
                .doesNotContain("Service.service_id", "Service.service_name");
        // No demo product and no test maps a customer's state, so it is listed whatever ran before.
        assertThat(before).as("nothing maps a customer's state").contains("Customer.customer_state");
        Map<String, Object> state = PagedLists.allItems(LIST).stream()
                .filter(a -> "customer_state".equals(a.get("attribute")))
                .findFirst()
                .orElseThrow();
        assertThat(state)
                .containsEntry("entity", "Customer")
                .containsEntry("dataType", "string")
                .containsEntry("systemOfRecord", "care")
                .containsEntry("mandatory", true);
        assertThat((String) state.get("definedSince"))
                .as("the entity's first revision")
                .endsWith("Z");

        // Mapped by a live product (other tests may have mapped it before: then it was not listed either).
        Descriptors.product(domain)
                .column("customer_id", "string", true, "internal", false, "Customer.customer_id", "The customer")
                .column("segment", "string", false, "internal", false, "Customer.segment", "Commercial segment")
                .publish()
                .then()
                .statusCode(201);
        assertThat(unmapped()).doesNotContain("Customer.segment");
    }
}
