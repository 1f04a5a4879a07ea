package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * What the reader accepts but tells about reaches the publisher (issue 11 A3): ODPS v1.1 {@code deprecated: true} on a
 * port publishes, and the publication's answer, the dry run and the publish page's check name the field and say what
 * to do instead; on the product it is read as {@code status: deprecated} (issue 13), so it publishes, with its warning,
 * only under a deprecation notice.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DescriptorWarningsTest {

    private static final String PRODUCT_ADVICE = "is read as status: deprecated: accepted while a deprecation notice"
            + " covers the product (or this major line); the notice, not the descriptor, decides when it is retired"
            + " (docs/descriptor.md §7)";

    private static final String PORT_ADVICE =
            "has no effect on the port: deprecation notices cover a whole product or" + " a major line;";

    private static String withDeprecatedPort(Descriptors product) {
        return product.yaml().replace("    type: table\n", "    type: table\n    deprecated: true\n");
    }

    @Test
    void deprecatedTrueOnTheProductUnderANoticePublishesWithAWarningInTheAnswer() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        Notices.forProduct(product.key()).issue();

        product.productLine("deprecated: true")
                .version("1.1.0")
                .publish()
                .then()
                .statusCode(201)
                .body("descriptorWarnings.field", contains("product.deprecated"))
                .body("descriptorWarnings.message", contains(PRODUCT_ADVICE));

        given().get("/api/products/" + product.key()).then().statusCode(200).body("status", equalTo("deprecated"));
    }

    @Test
    void deprecatedTrueOnAPortIsNamedByTheDryRun() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());

        given().contentType("application/yaml")
                .body(withDeprecatedPort(product).getBytes(StandardCharsets.UTF_8))
                .post("/api/products/validate")
                .then()
                .statusCode(200)
                .body("passes", equalTo(true))
                .body("descriptorWarnings.field", contains("product.outputPorts[0].deprecated"))
                .body("descriptorWarnings[0].message", org.hamcrest.Matchers.startsWith(PORT_ADVICE));
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
        Descriptors product = Descriptors.product(domain);
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        Response checked = session.postMultipart(
                "/domains/" + domain + "/publish",
                Map.of("action", "check", "descriptor", withDeprecatedPort(product)));

        checked.then().statusCode(200);
        assertThat(Jsoup.parse(checked.asString()).select("#outcome").text())
                .contains("Read with warnings", "product.outputPorts[0].deprecated: " + PORT_ADVICE);
    }

    @Test
    void publishingFromThePageWithAWarningShowsItWithALinkToTheProduct() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        Response published = session.postMultipart(
                "/domains/" + domain + "/publish",
                Map.of("action", "publish", "descriptor", withDeprecatedPort(product)));

        published.then().statusCode(201);
        org.jsoup.nodes.Document page = Jsoup.parse(published.asString());
        assertThat(page.select("#outcome h2").text())
                .isEqualTo(product.key() + " 1.0.0 is published; the descriptor was read with 1 warning");
        assertThat(page.select("#outcome").text()).contains("product.outputPorts[0].deprecated: " + PORT_ADVICE);
        assertThat(page.select("#outcome a[href=/products/" + product.key() + "]"))
                .hasSize(1);
        given().get("/api/products/" + product.key()).then().statusCode(200);
    }
}
