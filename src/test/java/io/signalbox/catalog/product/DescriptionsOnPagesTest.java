package io.signalbox.catalog.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Descriptions are GitHub-flavoured Markdown on a product's page and plain text wherever a list shows them. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DescriptionsOnPagesTest {

    private static final String PURPOSE = """
            One row per **network service**, refreshed ~~hourly~~ daily.

            | Column | Meaning |
            |---|---|
            | service_id | Canonical id |

            - [x] schema published
            """;

    private static Document page(String path) {
        return Jsoup.parse(given().accept("text/html")
                .get(path)
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString());
    }

    private static void assertPlainSummary(Element entry) {
        assertThat(entry).isNotNull();
        assertThat(entry.select("table, strong, del, input")).isEmpty();
        assertThat(entry.html()).doesNotContain("**").doesNotContain("~~").doesNotContain("&lt;");
        assertThat(entry.select(".summary").text())
                .startsWith("One row per network service, refreshed hourly daily. Column Meaning service_id")
                .doesNotContain("|")
                .doesNotContain("[x]");
    }

    private static Descriptors publishedWithMarkdownPurpose() {
        Descriptors product = Descriptors.product(Descriptors.newDomain()).purpose(PURPOSE);
        product.publish().then().statusCode(201);
        return product;
    }

    @Test
    void theHomePageListsShowThePurposeAsPlainText() {
        Descriptors product = publishedWithMarkdownPurpose();

        Document home = page("/");

        assertPlainSummary(home.selectFirst(
                "#published-heading + ol li:has(a[href=/products/" + product.key() + "/versions/1.0.0])"));
        assertPlainSummary(home.selectFirst("#changed-heading + ul li:has(a[href=/products/" + product.key() + "])"));
    }

    @Test
    void theDomainPageListsThePurposeAsPlainText() {
        Descriptors product = publishedWithMarkdownPurpose();

        Document domain =
                page("/domains/" + product.key().substring(0, product.key().indexOf('.')));

        assertPlainSummary(domain.selectFirst("tr:has(a[href=/products/" + product.key() + "])"));
    }

    @Test
    void aCanonicalEntityListsItsImplementationsPurposesAsPlainText() {
        Descriptors product = publishedWithMarkdownPurpose();

        Document service = page("/governance/entities/Service");

        assertPlainSummary(service.selectFirst(
                "#implementations-heading ~ table tr:has(a[href=/products/" + product.key() + "])"));
    }

    @Test
    void theProductPageRendersTheMarkdown() {
        Descriptors product = publishedWithMarkdownPurpose();

        Element overview = page("/products/" + product.key()).selectFirst("#overview .prose");

        assertThat(overview.select("strong").text()).isEqualTo("network service");
        assertThat(overview.select("del").text()).isEqualTo("hourly");
        assertThat(overview.select("table td").eachText()).containsExactly("service_id", "Canonical id");
        assertThat(overview.select("li input[type=checkbox][checked][disabled]"))
                .hasSize(1);
    }
}
