package io.signalbox.catalog.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PagedLists;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class CatalogPagesTest {

    private static Document page(String path, int status) {
        String html = given().accept("text/html")
                .get(path)
                .then()
                .statusCode(status)
                .contentType("text/html")
                .extract()
                .asString();
        return Jsoup.parse(html);
    }

    @Test
    void theCatalogApiCountsProductsPerDomainAndListsRecentPublications() {
        long before = given().get("/api/catalog")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("productCount");
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        JsonPath catalog = given().get("/api/catalog")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        assertThat(catalog.getLong("productCount")).isEqualTo(before + 1);
        // The home page shows the first domains by name and counts them all; each one's figures are on /api/domains.
        assertThat(catalog.getLong("domainCount")).isPositive();
        assertThat(catalog.getList("domains")).hasSizeLessThanOrEqualTo(12);
        assertThat(PagedLists.itemWithKey("/api/domains", domain).orElseThrow())
                .containsEntry("name", "Domain " + domain)
                .containsEntry("products", 1);
        assertThat(catalog.getString("recentPublications[0].productKey")).isEqualTo(product.key());
        assertThat(catalog.getString("recentPublications[0].version")).isEqualTo("1.0.0");
        assertThat(catalog.getString("recentPublications[0].domain")).isEqualTo(domain);
        assertThat(catalog.getString("recentlyChanged[0].key")).isEqualTo(product.key());
        assertThat(catalog.getString("recentlyChanged[0].version")).isEqualTo("1.0.0");
    }

    @Test
    void homePageCountsProductsPerDomainAndListsRecentPublications() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        Document home = page("/", 200);

        Element card = home.selectFirst(".card:has(a[href=/domains/" + domain + "])");
        assertThat(card).isNotNull();
        assertThat(card.select(".card__figure").text()).isEqualTo("1 product");
        assertThat(home.select("#published-heading + ol a").eachAttr("href"))
                .contains("/products/" + product.key() + "/versions/1.0.0");
    }

    @Test
    void domainPageShowsItsOwnerDescriptionAndProducts() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        Document page = page("/domains/" + domain, 200);

        assertThat(page.select("h1").text()).isEqualTo("Domain " + domain);
        assertThat(page.select(".facts").text()).contains("Owner <owner@example.com>", "tech@example.com");
        assertThat(page.select("#recent-heading + table a").eachAttr("href"))
                .containsExactly("/products/" + product.key());
        assertThat(page.select("#consumed-heading + table tr:has(a[href=/products/" + product.key() + "]) td.num")
                        .text())
                .as("the fixture declares one consumer")
                .isEqualTo("1");
        assertThat(page.select("a.all-products").attr("href")).isEqualTo("/search?domain=" + domain);
    }

    @Test
    void productPageShowsOwnerConsumersSchemaClassificationChangelogAndVersions() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain)
                .column("customer_email", "string", false, "confidential", true, null, "Who ordered the service")
                .changelog("Adds the customer e-mail.");
        product.publish().then().statusCode(201);

        Document page = page("/products/" + product.key(), 200);

        assertThat(page.select("h1").text())
                .isEqualTo("Service inventory " + product.key().split("\\.")[1]);
        assertThat(page.select("#overview .facts").text())
                .contains("Ana Costa", "ana.costa@example.com", "daily by 06:00 UTC");
        assertThat(page.select("#overview .facts a[href^=mailto:network-data]")).hasSize(1);
        assertThat(page.select("#consumers td").eachText()).contains("Billing Operations", "Rate usage per service");
        Element emailRow = page.selectFirst("#schema tr:has(code:containsOwn(customer_email))");
        assertThat(emailRow).isNotNull();
        assertThat(emailRow.select(".badge").eachText()).contains("confidential", "PII");
        assertThat(page.select("#schema tr:has(code:containsOwn(service_id)) td")
                        .eachText())
                .contains("Service.service_id");
        assertThat(page.select("#classification").text()).contains("customer_email", "Masked outside customer care");
        assertThat(page.select("#changelog").text()).contains("Adds the customer e-mail.");
        assertThat(page.select("#versions tbody tr")).hasSize(1);
    }

    @Test
    void anOlderVersionShowsItsOwnSchemaAndSaysWhichIsCurrent() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        product.version("1.1.0")
                .column("site_id", "string", false, "internal", false, null, "Where the service terminates")
                .changelog("Adds site_id.")
                .publish()
                .then()
                .statusCode(201);

        Document older = page("/products/" + product.key() + "/versions/1.0.0", 200);
        Document current = page("/products/" + product.key(), 200);

        assertThat(older.select(".notice").text()).contains("version 1.0.0", "current version is 1.1.0");
        assertThat(older.select("#schema code").eachText()).doesNotContain("site_id");
        assertThat(current.select(".notice")).isEmpty();
        assertThat(current.select("#schema code").eachText()).contains("site_id");
        assertThat(current.select("#versions a").eachAttr("href"))
                .contains("/products/" + product.key() + "/versions/1.0.0#schema");
    }

    @Test
    void markdownIsRenderedButHtmlAndScriptLinksAreNot() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain)
                .purpose(
                        "**Bold** text <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>");
        product.publish().then().statusCode(201);

        Document page = page("/products/" + product.key(), 200);

        Element prose = page.selectFirst("#overview .prose");
        assertThat(prose.select("strong").text()).isEqualTo("Bold");
        assertThat(prose.select("script, img")).isEmpty();
        assertThat(prose.text()).contains("<script>alert('x')</script>");
        assertThat(prose.select("a").eachAttr("href")).noneMatch(href -> href.startsWith("javascript"));
    }

    @Test
    void unknownPagesAnswerAFriendlyNotFoundPageWithoutInternals() {
        Document product = page("/products/nobody.nothing", 404);
        Document anywhere = page("/no/such/page", 404);

        assertThat(product.select("h1").text()).isEqualTo("Not found");
        assertThat(product.text()).contains("No data product 'nobody.nothing'").doesNotContain("Exception");
        assertThat(anywhere.select("h1").text()).isEqualTo("Not found");
        assertThat(anywhere.select(".lead").text()).contains("nothing at this address");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        given().get("/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("X-Frame-Options", "DENY")
                .header("Strict-Transport-Security", "max-age=31536000");
        given().get("/ui/signalbox.css").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }
}
