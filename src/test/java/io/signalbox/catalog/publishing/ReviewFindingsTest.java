package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.Markdown;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Inputs a review found to fail or mislead; each is now answered properly. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class ReviewFindingsTest {

    @Test
    void aNestedKeyThatIsNotTextIsRefusedNotAnError() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String yaml = product.yaml().replace("description:\n  purpose:", "description:\n  1: one\n  purpose:");

        given().contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("documents[0].description"))
                .body("errors[0].message", containsString("key that is not text"));
    }

    @Test
    void aControlCharacterInAnUploadedFileNameIsHarmless() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());

        given().multiPart(
                        "product",
                        "product\u0000.yaml",
                        product.yaml().getBytes(StandardCharsets.UTF_8),
                        "application/yaml")
                .post("/api/products")
                .then()
                .statusCode(201);
    }

    @Test
    void aDescriptionChangeBeyondTheSummaryIsStillAudited() {
        String domain = Descriptors.newDomain();
        String longText = "x".repeat(300);
        String body =
                "{\"name\":\"D\",\"description\":\"%s\",\"businessOwner\":\"O <o@example.com>\",\"technicalContact\":\"t@example.com\"}";
        given().contentType("application/json")
                .body(body.formatted(longText))
                .put("/api/domains/" + domain)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body(body.formatted(longText + " more"))
                .put("/api/domains/" + domain)
                .then()
                .statusCode(200);

        given().get("/api/audit?subject=" + domain + "&action=domain.updated")
                .then()
                .body("items", hasSize(2));
    }

    @Test
    void numbersAreNotTextInDomainJson() {
        given().contentType("application/json")
                .body("{\"name\":5,\"businessOwner\":\"O\",\"technicalContact\":\"t\"}")
                .put("/api/domains/" + "numbers-" + System.nanoTime() % 100000)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must be text"));
    }

    @Test
    void anOwnerAddressThatCouldCarryMailHeadersIsRefused() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        String yaml = product.yaml().replace("ana.costa@example.com", "ana@example.com?bcc=spy%40evil.example");

        given().contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("product.team.members[0].username"));
    }

    @Test
    void markdownDropsDataLinksAndNestsHeadingsUnderThePage() {
        String html =
                Markdown.toHtml("# Title\n\n[x](data:text/html;base64,PHNjcmlwdD4=) ![i](data:image/svg+xml,abc)");

        assertThat(html).contains("<h4>Title</h4>").doesNotContain("data:");
    }
}
