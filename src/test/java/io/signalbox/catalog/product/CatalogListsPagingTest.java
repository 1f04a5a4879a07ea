package io.signalbox.catalog.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PagedLists;
import io.signalbox.web.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The paging contract (issue 12, {@link Paging}) on each of the catalog's lists: default and maximum size, a size out of
 * range or a cursor we did not write is a 400 naming the parameter, following {@code next} visits every item exactly
 * once in the stated order; and the pages show a bounded number of rows with a working link to the rest.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class CatalogListsPagingTest {

    /** One domain with 51 products (one more than the product list's default page), built once for the class. */
    private static String bigDomain;

    private static List<String> bigDomainKeys;

    /** The 51 products: every fifth deprecated; product i declares 1 + (i % 4) consumers. */
    private static synchronized String bigDomain() {
        if (bigDomain == null) {
            String domain = Descriptors.newDomain();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                Descriptors product = Descriptors.product(domain).slug(String.format("p%02d", i));
                for (int c = 0; c < i % 4; c++) {
                    product.consumer("Team " + c, "billing", "Reads it for reason " + c);
                }
                product.publish().then().statusCode(201);
                if (i % 5 == 0) {
                    Notices.forProduct(product.key()).issue();
                }
                keys.add(domain + "." + String.format("p%02d", i));
            }
            bigDomainKeys = List.copyOf(keys);
            bigDomain = domain;
        }
        return bigDomain;
    }

    @Test
    void theProductListPagesByKeyWithDefaultFiftyAndEveryProductOnce() {
        String domain = bigDomain();

        Response first = given().queryParam("domain", domain).get("/api/products");
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("items.key", String.class)).isEqualTo(bigDomainKeys.subList(0, 50));
        String next = first.jsonPath().getString("next");
        assertThat(next)
                .startsWith("/api/products?domain=" + domain + "&after=")
                .endsWith("&size=50");
        assertThat(first.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        JsonPath last = given().urlEncodingEnabled(false)
                .get(next)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(last.getList("items.key", String.class)).containsExactly(bigDomainKeys.get(50));
        assertThat(last.getString("next")).isNull();

        assertThat(keys(PagedLists.allItems("/api/products?domain=" + domain + "&size=7")))
                .isEqualTo(bigDomainKeys);
        assertThat(given().queryParam("domain", domain)
                        .queryParam("size", 200)
                        .get("/api/products")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"))
                .hasSize(51);
        assertContractRefusals("/api/products?domain=" + domain, 200);
    }

    @Test
    void theWholeProductListIsInKeyOrderWithoutRepeats() {
        bigDomain();
        List<String> all = keys(PagedLists.allItems("/api/products?size=200"));
        assertThat(all).doesNotHaveDuplicates().containsAll(bigDomainKeys);
        // The order is PostgreSQL's (the database's collation), so it is checked as stable across page boundaries
        // rather than against Java's string order.
        assertThat(keys(PagedLists.allItems("/api/products?size=37"))).isEqualTo(all);
        assertThat(given().get("/api/products").then().extract().jsonPath().getList("items"))
                .hasSize(Math.min(50, all.size()));
    }

    @Test
    void aDomainsProductsHaveTheProductListsContract() {
        String domain = bigDomain();

        JsonPath first = given().get("/api/domains/" + domain + "/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items.key", String.class)).isEqualTo(bigDomainKeys.subList(0, 50));
        assertThat(first.getString("next")).startsWith("/api/domains/" + domain + "/products?after=");
        assertThat(keys(PagedLists.allItems("/api/domains/" + domain + "/products?size=10")))
                .isEqualTo(bigDomainKeys);
        assertContractRefusals("/api/domains/" + domain + "/products", 200);
        Api.problem(given().get("/api/domains/no-such-domain/products"), 404);
    }

    @Test
    void aDomainIsASummaryCountedInSqlWithTheFirstTenAndALinkToSearch() {
        String domain = bigDomain();

        JsonPath view = given().get("/api/domains/" + domain)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getLong("productCount")).isEqualTo(51);
        assertThat(view.getMap("")).doesNotContainKey("products");
        assertThat(view.getList("byStatus.value", String.class)).containsExactly("published", "deprecated");
        assertThat(view.getList("byStatus.products", Integer.class)).containsExactly(40, 11);
        assertThat(view.getList("byClassification.products", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(51);
        // Published last, shown first (ties in time fall back to the newest row).
        List<String> newestFirst = reversed(bigDomainKeys);
        assertThat(view.getList("recentlyPublished.key", String.class)).isEqualTo(newestFirst.subList(0, 10));
        assertThat(view.getList("mostConsumed.consumers", Integer.class))
                .hasSize(10)
                .allSatisfy(n -> assertThat(n).isEqualTo(4));
        // Products 3, 7, 11 … declare 1 + 3 consumers; among equals the order is the key.
        assertThat(view.getList("mostConsumed.product.key", String.class))
                .isEqualTo(IntStream.iterate(3, i -> i < 51, i -> i + 4)
                        .limit(10)
                        .mapToObj(i -> domain + "." + String.format("p%02d", i))
                        .toList());
        assertThat(view.getString("searchLink")).isEqualTo("/search?domain=" + domain);
        assertThat(view.getString("productsLink")).isEqualTo("/api/domains/" + domain + "/products");

        Document page = page("/domains/" + domain);
        assertThat(page.select("#products-heading").text()).isEqualTo("Data products (51)");
        assertThat(page.select("#recent-heading + table tbody tr")).hasSize(10);
        assertThat(page.select("#consumed-heading + table tbody tr")).hasSize(10);
        assertThat(page.select("a.all-products").text())
                .isEqualTo("All 51 products of Domain " + domain + " in search");
        String searchLink = page.select("a.all-products").attr("href");
        assertThat(searchLink).isEqualTo("/search?domain=" + domain);
        given().accept("text/html").get(searchLink).then().statusCode(200);
        assertThat(page.select("a[href=\"/search?domain=" + domain + "&status=deprecated\"]")
                        .parents()
                        .first()
                        .text())
                .endsWith("11");
    }

    @Test
    void theVersionListIsNewestFirstBySemverAndPagesAcrossPreReleases() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        List<String> published = List.of(
                "0.9.0",
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "1.0.1",
                "1.1.0",
                "1.2.0-rc.1",
                "1.10.0",
                "2.0.0");
        for (String version : published) {
            product.version(version)
                    .changelog("Release " + version)
                    .publish()
                    .then()
                    .statusCode(201);
        }
        List<String> newestFirst = reversed(published);
        String path = "/api/products/" + product.key() + "/versions";

        JsonPath all = given().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.version", String.class)).isEqualTo(newestFirst);
        assertThat(all.getString("next")).isNull();
        for (int size : new int[] {1, 2, 3, 5}) {
            assertThat(PagedLists.allItems(path + "?size=" + size).stream()
                            .map(i -> (String) i.get("version"))
                            .toList())
                    .as("pages of %d", size)
                    .isEqualTo(newestFirst);
        }
        assertContractRefusals(path, 200);
        Api.problem(
                        given().queryParam("after", Paging.cursor(List.of("not-a-version")))
                                .get(path),
                        400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
        Api.problem(given().get("/api/products/" + domain + ".no-such-product/versions"), 404);

        // The product embeds the ten newest and counts them all; its page links to the paged list.
        JsonPath view = given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getList("versions.version", String.class)).isEqualTo(newestFirst.subList(0, 10));
        assertThat(view.getLong("versionCount")).isEqualTo(12);
        Document page = page("/products/" + product.key());
        assertThat(page.select("#versions tbody tr")).hasSize(10);
        assertThat(page.select("a.all-versions").text()).isEqualTo("All 12 versions");

        Document versions = page(page.select("a.all-versions").attr("href") + "?size=5");
        assertThat(versions.select("tbody tr td:first-child").eachText())
                .containsExactly("2.0.0 current", "1.10.0", "1.2.0-rc.1", "1.1.0", "1.0.1");
        Document second = page(versions.select("a[rel=next]").attr("href"));
        assertThat(second.select("tbody tr td:first-child").eachText())
                .containsExactly("1.0.0", "1.0.0-rc.1", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-alpha.1");
        Document third = page(second.select("a[rel=next]").attr("href"));
        assertThat(third.select("tbody tr td:first-child").eachText()).containsExactly("1.0.0-alpha", "0.9.0");
        assertThat(third.select("a[rel=next]")).isEmpty();
        given().accept("text/html")
                .get("/products/" + product.key() + "/versions?size=201")
                .then()
                .statusCode(400);
    }

    @Test
    void theDomainListPagesByNameAndKeyWithEveryDomainOnce() {
        // Three domains of one name: the key breaks the tie.
        String name = "Paging twins " + java.util.UUID.randomUUID();
        List<String> twins = IntStream.range(0, 3)
                .mapToObj(i -> registerDomain(
                        "pt" + java.util.UUID.randomUUID().toString().substring(0, 8), name))
                .sorted()
                .toList();
        String domain = twins.get(0);

        List<Map<String, Object>> all = PagedLists.allItems("/api/domains?size=7");
        List<String> keys = keys(all);
        assertThat(keys).doesNotHaveDuplicates().contains(domain);
        assertThat(keys(PagedLists.allItems("/api/domains?size=2"))).isEqualTo(keys);
        assertThat(keys).containsSubsequence(twins);
        assertThat(all.stream().filter(d -> name.equals(d.get("name"))).map(d -> (String) d.get("key")))
                .containsExactlyElementsOf(twins);
        assertThat(given().get("/api/domains").then().extract().jsonPath().getList("items"))
                .hasSize(Math.min(100, all.size()));
        assertContractRefusals("/api/domains", 200);

        Document first = page("/domains?size=2");
        assertThat(first.select("tbody tr")).hasSize(Math.min(2, all.size()));
        if (all.size() > 2) {
            Document second = page(first.select("a[rel=next]").attr("href"));
            assertThat(second.select("tbody tr td code").eachText())
                    .isEqualTo(keys.subList(2, Math.min(4, keys.size())));
        }
        given().accept("text/html").get("/domains?after=nonsense").then().statusCode(400);
    }

    @Test
    void theHomePageCountsInSqlAndShowsAtMostTwelveDomains() {
        bigDomain();
        long domains = PagedLists.allItems("/api/domains?size=200").size();
        JsonPath home =
                given().get("/api/catalog").then().statusCode(200).extract().jsonPath();
        assertThat(home.getLong("domainCount")).isEqualTo(domains);
        assertThat(home.getList("domains")).hasSize((int) Math.min(12, domains));
        assertThat(home.getLong("productCount"))
                .isEqualTo(PagedLists.allItems("/api/products?size=200").size());
        Document page = page("/");
        assertThat(page.select("#domains-heading ~ ul .card")).hasSize((int) Math.min(12, domains));
        if (domains > 12) {
            assertThat(page.select("a.all-domains").attr("href")).isEqualTo("/domains");
        }
    }

    /** Size 0, -1 and above the maximum are 400s naming size; cursors we did not write are 400s naming after. */
    private static void assertContractRefusals(String path, int maxSize) {
        String join = path.contains("?") ? "&" : "?";
        given().urlEncodingEnabled(false)
                .get(path + join + "size=" + maxSize)
                .then()
                .statusCode(200);
        for (String size : new String[] {"0", "-1", String.valueOf(maxSize + 1)}) {
            Api.problem(given().urlEncodingEnabled(false).get(path + join + "size=" + size), 400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("size"));
        }
        for (String after : new String[] {"not-base64!", Paging.cursor(List.of("a", "b", "c"))}) {
            Api.problem(given().queryParam("after", after).get(path), 400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
        }
    }

    private static String registerDomain(String key, String name) {
        given().contentType("application/json")
                .body(Map.of(
                        "name",
                        name,
                        "businessOwner",
                        "Owner <owner@example.com>",
                        "technicalContact",
                        "t@example.com"))
                .put("/api/domains/" + key)
                .then()
                .statusCode(201);
        return key;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<String> keys(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("key")).toList();
    }

    private static Document page(String path) {
        return Jsoup.parse(given().accept("text/html")
                .urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString());
    }
}
