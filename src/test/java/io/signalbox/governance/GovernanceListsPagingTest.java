package io.signalbox.governance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.Paging;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The paging contract (web.Paging) on every governance list (issue 12): default and maximum size, a size out of range
 * and a cursor we did not write refused naming the parameter, and following next links visits every item exactly
 * once in the stated order; the pages show bounded lists with a working link on.
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class GovernanceListsPagingTest {

    /** Follows next links from {@code first}, checking the Link header says the same; all items in order. */
    private static List<Map<String, Object>> walk(String first) {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            Response response = given().get(next);
            response.then().statusCode(200);
            JsonPath page = response.jsonPath();
            items.addAll(page.getList("items"));
            String following = page.getString("next");
            assertThat(response.getHeader("Link"))
                    .isEqualTo(following == null ? null : "<" + following + ">; rel=\"next\"");
            next = following;
            assertThat(++pages).as("pages of %s", first).isLessThan(10_000);
        }
        return items;
    }

    /**
     * size 0 and above the maximum are 400 naming size; a cursor we did not write (not base64url, or with another
     * number of sort key parts than the list's {@code keyParts}) is 400 naming after.
     */
    private static void refusesBadPageParameters(String path, int keyParts) {
        for (String size : new String[] {"0", "201", "-3"}) {
            given().get(path + "?size=" + size).then().statusCode(400).body("errors[0].field", equalTo("size"));
        }
        given().get(path + "?size=200").then().statusCode(200);
        String otherParts = Paging.cursor(Collections.nCopies(keyParts + 1, "x"));
        for (String cursor : new String[] {otherParts, "%25%25", "not+base64%21"}) {
            given().get(path + "?after=" + cursor).then().statusCode(400).body("errors[0].field", equalTo("after"));
        }
    }

    private static int sizeOfDefaultPage(String path) {
        return given().get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    @Test
    void aDomainsGlossaryIsPagedAlphabeticallyOnTheApiAndThePage() {
        String domain = Descriptors.newDomain();
        List<String> terms = IntStream.range(0, 53)
                .mapToObj(i -> (i % 2 == 0 ? "Term " : "term ") + String.format("%02d", i))
                .toList();
        for (String term : terms) {
            given().contentType("application/json")
                    .body(Map.of("definition", "What " + term + " means"))
                    .put("/api/domains/" + domain + "/glossary/" + term)
                    .then()
                    .statusCode(201);
        }
        String path = "/api/domains/" + domain + "/glossary";
        assertThat(sizeOfDefaultPage(path)).isEqualTo(50);
        refusesBadPageParameters(path, 1);

        List<String> walked =
                walk(path + "?size=7").stream().map(t -> (String) t.get("term")).toList();
        List<String> alphabetical = terms.stream()
                .sorted(Comparator.comparing(t -> t.toLowerCase(java.util.Locale.ROOT)))
                .toList();
        assertThat(walked).containsExactlyElementsOf(alphabetical);

        Document page = Jsoup.parse(given().get("/domains/" + domain + "/glossary")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#terms-heading").text()).contains("53");
        assertThat(page.select("#terms dt")).hasSize(50);
        String next = page.select("a[rel=next]").attr("href");
        Document second =
                Jsoup.parse(given().get(next).then().statusCode(200).extract().asString());
        assertThat(second.select("#terms dt").eachText()).containsExactlyElementsOf(alphabetical.subList(50, 53));
        assertThat(second.select("a[rel=next]")).isEmpty();
    }

    @Test
    void anEntitysImplementationsAndColumnsArePagedAndItsCountsComeFromTheDatabase() {
        String path = "/api/governance/entities/Service";
        String domain = Descriptors.newDomain();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Descriptors product = Descriptors.product(domain);
            product.publish().then().statusCode(201);
            published.add(product.key());
        }
        // Enough implementations for a default page to be full: every test descriptor maps Service.
        long implementing = given().get(path).then().extract().jsonPath().getLong("implementingProducts");
        for (long i = implementing; i <= 50; i++) {
            Descriptors.product(Descriptors.newDomain()).publish().then().statusCode(201);
        }
        JsonPath entity = given().get(path).then().statusCode(200).extract().jsonPath();
        long products = entity.getLong("implementingProducts");
        long columns = entity.getLong("mappedColumns");
        assertThat(products).isGreaterThan(50);
        assertThat(entity.getList("implementations.items")).hasSize(50);
        assertThat(entity.getString("implementations.next")).startsWith(path + "/implementations?after=");
        Map<String, Object> ours = entity.getMap("domains.find { it.domain == '" + domain + "' }");
        assertThat(ours).containsEntry("products", 3);
        // The test descriptor maps two columns, Service.service_id and Service.service_name.
        assertThat(ours).containsEntry("columns", 6);

        String implementations = path + "/implementations";
        assertThat(sizeOfDefaultPage(implementations)).isEqualTo(50);
        refusesBadPageParameters(implementations, 2);
        List<Map<String, Object>> walked = walk(implementations + "?size=17");
        List<String> keys =
                walked.stream().map(i -> (String) i.get("productKey")).toList();
        assertThat(keys).hasSize((int) products).doesNotHaveDuplicates().containsAll(published);
        assertThat(walked.stream()
                        .filter(i -> published.contains(i.get("productKey")))
                        .map(i -> i.get("mappedAttributes")))
                .allSatisfy(m -> assertThat((List<String>) m).containsExactly("service_id", "service_name"));
        // Most recently changed first: the three just published come before the older ones, newest first.
        assertThat(keys).containsSubsequence(published.get(2), published.get(1), published.get(0));

        String mapped = path + "/columns";
        assertThat(sizeOfDefaultPage(mapped)).isEqualTo(50);
        refusesBadPageParameters(mapped, 3);
        List<Map<String, Object>> allColumns = walk(mapped + "?size=200");
        List<String> columnKeys = allColumns.stream()
                .map(c -> c.get("productKey") + "\u0000" + c.get("object") + "\u0000" + c.get("name"))
                .toList();
        assertThat(columnKeys).hasSize((int) columns).doesNotHaveDuplicates().isSorted();
        assertThat(walk(mapped + "?size=13")).isEqualTo(allColumns);
        assertThat(allColumns)
                .filteredOn(c -> domain.equals(c.get("domain")))
                .extracting(c -> c.get("canonicalAttribute"))
                .containsOnly("Service.service_id", "Service.service_name")
                .hasSize(6);

        Document page = Jsoup.parse(given().get("/governance/entities/Service")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#implementations-heading").text()).contains("(" + products + ")");
        assertThat(page.select("#implementations tbody tr")).hasSize(50);
        assertThat(page.select("#domain-use tr:has(a[href=/domains/" + domain + "])")
                        .text())
                .contains("3", "6");
        Document second = Jsoup.parse(given().get(page.select("a[rel=next]").attr("href"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<String> secondPage =
                second.select("#implementations tbody tr td:first-child a").eachAttr("href");
        assertThat(secondPage)
                .isNotEmpty()
                .containsExactlyElementsOf(keys.subList(50, Math.min(100, keys.size())).stream()
                        .map(k -> "/products/" + k)
                        .toList());
        given().get("/governance/entities/Service?after=bm9wZQ").then().statusCode(400);
        for (String when : List.of("yesterday", "2026-13-01T00:00:00Z")) {
            given().get(path + "/implementations?after=" + Paging.cursor(List.of(when, "x")))
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("after"));
        }
        given().get("/api/governance/entities/Widget/implementations").then().statusCode(404);
    }

    @Test
    void theEntityListIsPagedByName() {
        String path = "/api/governance/entities";
        refusesBadPageParameters(path, 1);
        List<String> names =
                walk(path + "?size=1").stream().map(e -> (String) e.get("name")).toList();
        assertThat(names)
                .contains("Customer", "Order", "Product", "Service")
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(sizeOfDefaultPage(path)).isEqualTo(Math.min(50, names.size()));
    }

    @Test
    void theRuleSetHistoryIsPagedNewestFirst() {
        // Each change makes a version: flip a rule's severity and back, twice, leaving it as it was.
        String original = given().get("/api/governance/rules/freshness-declared")
                .then()
                .extract()
                .path("severity");
        String other = "warning".equals(original) ? "blocking" : "warning";
        for (String severity : List.of(other, original, other, original)) {
            int lock = given().get("/api/governance/rules/freshness-declared")
                    .then()
                    .extract()
                    .path("lockVersion");
            given().contentType("application/json")
                    .body(Map.of("severity", severity, "lockVersion", lock))
                    .put("/api/governance/rules/freshness-declared")
                    .then()
                    .statusCode(200);
        }
        String path = "/api/governance/rule-sets";
        refusesBadPageParameters(path, 1);
        List<Integer> versions = walk(path + "?size=2").stream()
                .map(v -> (Integer) v.get("version"))
                .toList();
        assertThat(versions).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
        assertThat(versions).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(walk(path + "?size=200").stream().map(v -> v.get("version")).toList())
                .isEqualTo(versions);
        assertThat(sizeOfDefaultPage(path)).isEqualTo(Math.min(50, versions.size()));
        given().get(path + "?after=" + Paging.cursor(List.of("latest")))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));

        Document page = Jsoup.parse(given().get("/governance/rules")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#rule-sets-heading ~ table tbody tr")).hasSize(Math.min(50, versions.size()));
    }

    @Test
    void complianceFindingsAndUntaggedColumnsArePaged() {
        String domain = Descriptors.newDomain();
        String someProduct = null;
        for (int consumers = 0; consumers < 3; consumers++) {
            Descriptors product = Descriptors.product(domain);
            someProduct = product.key();
            for (int c = 0; c < consumers; c++) {
                product.consumer("team-" + c, domain, "Reports");
            }
            product.publish().then().statusCode(201);
            given().contentType("application/json")
                    .body(Map.of(
                            "lastRefreshedAt", java.time.Instant.now().toString(),
                            "completeness", Map.of("Service.service_id", 90.0)))
                    .post("/api/products/" + product.key() + "/measurements")
                    .then()
                    .statusCode(201);
        }
        JsonPath standing = given().get("/api/products/" + someProduct + "/compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(standing.getString("status")).isEqualTo("warning");
        assertThat(standing.getList("findings"))
                .isNotEmpty()
                .hasSize(standing.getInt("findingCount"))
                .hasSizeLessThanOrEqualTo(100);

        String findings = "/api/governance/compliance/findings";
        refusesBadPageParameters(findings, 3);
        List<Map<String, Object>> walked = walk(findings + "?size=2");
        assertThat(walked.stream().map(f -> f.get("productKey")).toList()).doesNotHaveDuplicates();
        assertThat(walked)
                .isSortedAccordingTo(
                        Comparator.<Map<String, Object>, Boolean>comparing(f -> !"failing".equals(f.get("status")))
                                .thenComparing(f -> -((Number) f.get("consumers")).longValue())
                                .thenComparing(f -> (String) f.get("productKey")));
        assertThat(walked).filteredOn(f -> domain.equals(f.get("domain"))).hasSize(3);
        assertThat(walk(findings + "?size=200")).isEqualTo(walked);
        JsonPath dashboard = given().get("/api/governance/compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dashboard.getList("fixFirst.items")).isEqualTo(walked.subList(0, Math.min(20, walked.size())));
        assertThat(dashboard.getList("trend")).hasSize(12);

        String untagged = "/api/governance/compliance/untagged";
        refusesBadPageParameters(untagged, 2);
        List<Map<String, Object>> products = walk(untagged + "?size=3");
        assertThat(products).hasSize(dashboard.getInt("untaggedProducts"));
        assertThat(products.stream()
                        .map(u -> u.get("domain") + "\u0000" + u.get("productKey"))
                        .toList())
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(products)
                .allSatisfy(u -> assertThat(((List<?>) u.get("columns")).size())
                        .isBetween(1, 10)
                        .isLessThanOrEqualTo(((Number) u.get("untaggedColumns")).intValue()));

        Document page = Jsoup.parse(given().get("/governance/compliance")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#fix-first tbody tr")).hasSize(Math.min(20, walked.size()));
        if (walked.size() > 20) {
            Document second = Jsoup.parse(
                    given().get(page.select("#fix-first a[rel=next]").attr("href"))
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            assertThat(second.select("#fix-first tbody tr td:first-child a").eachAttr("href"))
                    .first()
                    .isEqualTo("/products/" + walked.get(20).get("productKey") + "#governance");
        }
        assertThat(new HashSet<>(walked)).hasSize(walked.size());
    }
}
