package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * What the reader accepts but tells about reaches the publisher (issue 11 A3): ODPS v1.1 {@code deprecated: true} on a
 * product or a port publishes, and the publication's answer, the dry run and the publish page's check name the field
 * and say that it has no effect yet and how to deprecate.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DescriptorWarningsTest {

    private static final String PRODUCT_ADVICE = "has no effect yet: Signalbox keeps no deprecation notices, so the"
            + " product is published as usual; to deprecate it, publish a version with status: deprecated"
            + " (docs/descriptor.md §7)";

    @Test
    void deprecatedTrueOnTheProductPublishesWithAWarningInTheAnswer() {
        Descriptors product = Descriptors.product(Descriptors.newDomain()).productLine("deprecated: true");

        product.publish()
                .then()
                .statusCode(201)
                .body("descriptorWarnings.field", contains("product.deprecated"))
                .body("descriptorWarnings.message", contains(PRODUCT_ADVICE));

        given().get("/api/products/" + product.key()).then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void deprecatedTrueOnAPortIsNamedByTheDryRun() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String yaml = product.yaml().replace("    type: table\n", "    type: table\n    deprecated: true\n");

        given().contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/products/validate")
                .then()
                .statusCode(200)
                .body("passes", equalTo(true))
                .body("descriptorWarnings.field", contains("product.outputPorts[0].deprecated"))
                .body(
                        "descriptorWarnings[0].message",
                        org.hamcrest.Matchers.startsWith("has no effect yet: Signalbox keeps no deprecation notices,"
                                + " so the port is published as usual"));
    }

    @Test
    void aDescriptorWithNothingToTellAnswersNoWarnings() {
        Descriptors.product(Descriptors.newDomain())
                .publish()
                .then()
                .statusCode(201)
                .body("descriptorWarnings", empty());
    }

    @Test
    void thePublishPagesCheckShowsTheWarningBesideTheVerdict() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).productLine("deprecated: true");
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        Response checked = session.postMultipart(
                "/domains/" + domain + "/publish", Map.of("action", "check", "descriptor", product.yaml()));

        checked.then().statusCode(200);
        assertThat(Jsoup.parse(checked.asString()).select("#outcome").text())
                .contains("Read with warnings", "product.deprecated: " + PRODUCT_ADVICE);
    }

    @Test
    void publishingFromThePageWithAWarningShowsItWithALinkToTheProduct() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).productLine("deprecated: true");
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        Response published = session.postMultipart(
                "/domains/" + domain + "/publish", Map.of("action", "publish", "descriptor", product.yaml()));

        published.then().statusCode(201);
        org.jsoup.nodes.Document page = Jsoup.parse(published.asString());
        assertThat(page.select("#outcome h2").text())
                .isEqualTo(product.key() + " 1.0.0 is published; the descriptor was read with 1 warning");
        assertThat(page.select("#outcome").text()).contains("product.deprecated: " + PRODUCT_ADVICE);
        assertThat(page.select("#outcome a[href=/products/" + product.key() + "]"))
                .hasSize(1);
        given().get("/api/products/" + product.key()).then().statusCode(200);
    }
}
