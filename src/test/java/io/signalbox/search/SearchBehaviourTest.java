package io.signalbox.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Facets, visibility right after publishing, ordering, snippets, suggestions, rebuilds and hostile input. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class SearchBehaviourTest {

    @Inject
    SearchIndex index;

    private static Descriptors product(String domain, String slug, String title) {
        return Descriptors.product(domain).slug(slug).title(title);
    }

    private static JsonPath search(Map<String, ?> parameters) {
        return given().queryParams(parameters)
                .get("/api/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aPublishedProductIsSearchableAsSoonAsThePublicationIsConfirmed() {
        String domain = Descriptors.newDomain();
        String unique = "Quasar" + System.nanoTime();
        Descriptors quasar = product(domain, "quasar", unique + " Backhaul Capacity");
        quasar.publish().then().statusCode(201);

        // No waiting, no retry: the publication's answer comes after the index refresh.
        assertThat(search(Map.of("q", unique)).getList("hits.key", String.class))
                .containsExactly(domain + ".quasar");

        // A deprecation notice moves the status (ProductLifecycle), and the index follows the same way.
        long notice = Notices.forProduct(quasar.key()).issue();
        assertThat(search(Map.of("q", unique)).getList("hits.status", String.class))
                .containsExactly("deprecated");
        quasar.status("deprecated").version("1.1.0").publish().then().statusCode(201);
        assertThat(search(Map.of("q", unique)).getList("hits.status", String.class))
                .containsExactly("deprecated");

        Notices.retire(notice);
        assertThat(search(Map.of("q", unique)).getList("hits"))
                .as("retired products are hidden")
                .isEmpty();
        assertThat(search(Map.of("q", unique, "status", "retired")).getList("hits.key", String.class))
                .containsExactly(domain + ".quasar");
    }

    @Test
    void aRepeatedSearchIsAnsweredFromCacheUntilTheCatalogChanges() {
        String domain = Descriptors.newDomain();
        String word = "Borealis" + System.nanoTime();
        product(domain, "first", word + " Fibre Routes").publish().then().statusCode(201);

        JsonPath first = search(Map.of("q", word));
        JsonPath again = search(Map.of("q", word));
        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(again.getBoolean("cached")).isTrue();
        assertThat(again.getList("hits.key", String.class)).isEqualTo(first.getList("hits.key", String.class));
        assertThat(again.getMap("facets")).isEqualTo(first.getMap("facets"));

        JsonPath reloaded = given().queryParam("q", word)
                .header("Cache-Control", "no-cache")
                .get("/api/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(reloaded.getBoolean("cached"))
                .as("a hard reload asks for a fresh search")
                .isFalse();

        product(domain, "second", word + " Fibre Faults").publish().then().statusCode(201);
        JsonPath afterPublication = search(Map.of("q", word));
        assertThat(afterPublication.getBoolean("cached")).isFalse();
        assertThat(afterPublication.getList("hits.key", String.class))
                .containsExactlyInAnyOrder(domain + ".first", domain + ".second");
    }

    @Test
    void facetCountsReflectTheOtherFilters() {
        String domain = Descriptors.newDomain();
        String word = "Zephyr" + System.nanoTime();
        product(domain, "first", word + " one")
                .classification("internal")
                .publish()
                .then()
                .statusCode(201);
        product(domain, "second", word + " two")
                .classification("internal")
                .publish()
                .then()
                .statusCode(201);
        product(domain, "third", word + " three")
                .classification("confidential")
                .publish()
                .then()
                .statusCode(201);
        Descriptors fourth = product(domain, "fourth", word + " four").classification("confidential");
        fourth.publish().then().statusCode(201);
        Notices.forProduct(fourth.key()).issue();

        JsonPath all = search(Map.of("q", word, "domain", domain));
        assertThat(all.getInt("total")).isEqualTo(4);
        assertThat(count(all, "classification", "internal")).isEqualTo(2);
        assertThat(count(all, "classification", "confidential")).isEqualTo(2);
        assertThat(count(all, "status", "deprecated")).isEqualTo(1);

        JsonPath confidential = search(Map.of("q", word, "domain", domain, "classification", "confidential"));
        assertThat(confidential.getInt("total")).isEqualTo(2);
        // The classification facet still offers the other value, counted without its own filter.
        assertThat(count(confidential, "classification", "internal")).isEqualTo(2);
        assertThat(selected(confidential, "classification", "confidential")).isTrue();
        // Other facets count only what the filter leaves.
        assertThat(count(confidential, "status", "published")).isEqualTo(1);
        assertThat(count(confidential, "status", "deprecated")).isEqualTo(1);

        JsonPath both =
                search(Map.of("q", word, "domain", domain, "classification", "confidential", "status", "published"));
        assertThat(both.getList("hits.key", String.class)).containsExactly(domain + ".third");
    }

    private static long count(JsonPath results, String facet, String value) {
        List<Map<String, Object>> values = results.getList("facets." + facet);
        return values.stream()
                .filter(v -> value.equals(v.get("value")))
                .mapToLong(v -> ((Number) v.get("count")).longValue())
                .findFirst()
                .orElse(0);
    }

    private static boolean selected(JsonPath results, String facet, String value) {
        List<Map<String, Object>> values = results.getList("facets." + facet);
        return values.stream().anyMatch(v -> value.equals(v.get("value")) && Boolean.TRUE.equals(v.get("selected")));
    }

    @Test
    void pagesAreStableAndSortsAreHonoured() {
        String domain = Descriptors.newDomain();
        String word = "Pagina" + System.nanoTime();
        for (String name : List.of("Delta", "Alpha", "Echo", "Charlie", "Bravo")) {
            product(domain, name.toLowerCase(), name + " " + word)
                    .publish()
                    .then()
                    .statusCode(201);
        }
        List<String> byName = search(Map.of("q", word, "domain", domain, "sort", "name", "size", 5))
                .getList("hits.title", String.class);
        assertThat(byName)
                .extracting(t -> t.split(" ")[0])
                .containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo");
        List<String> byUpdate = search(Map.of("q", word, "domain", domain, "sort", "updated", "size", 5))
                .getList("hits.title", String.class);
        assertThat(byUpdate.get(0)).startsWith("Bravo");

        List<String> first = search(Map.of("q", word, "domain", domain, "size", 2, "page", 1))
                .getList("hits.key");
        List<String> second = search(Map.of("q", word, "domain", domain, "size", 2, "page", 2))
                .getList("hits.key");
        List<String> third = search(Map.of("q", word, "domain", domain, "size", 2, "page", 3))
                .getList("hits.key");
        List<String> together =
                search(Map.of("q", word, "domain", domain, "size", 6)).getList("hits.key");
        assertThat(Stream.of(first, second, third).flatMap(List::stream).toList())
                .isEqualTo(together);
    }

    @Test
    void resultsSayWhyTheyMatched() {
        String domain = Descriptors.newDomain();
        product(domain, "why", "Ledger Reconciliation Feed")
                .purpose("Daily reconciliation of the general ledger against <b>rated</b> usage.")
                .column("ledger_account_code", "string", false, "internal", false, null, "General ledger account")
                .publish()
                .then()
                .statusCode(201);

        JsonPath results = search(Map.of("q", "ledger account", "domain", domain));
        List<Map<String, Object>> snippet = results.getList("hits[0].snippet");
        assertThat(snippet).anySatisfy(segment -> {
            assertThat(segment.get("highlighted")).isEqualTo(true);
            assertThat((String) segment.get("text")).isEqualToIgnoringCase("ledger");
        });
        assertThat(results.getList("hits[0].matchedColumns.name", String.class)).containsExactly("ledger_account_code");

        Document page = Jsoup.parse(given().queryParam("q", "ledger account")
                .queryParam("domain", domain)
                .get("/search")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select(".result__snippet mark").text()).containsIgnoringCase("ledger");
        assertThat(page.select(".result__snippet b"))
                .as("descriptions are text, not HTML")
                .isEmpty();
        assertThat(page.select(".result__snippet").text()).contains("<b>rated</b>");
        assertThat(page.select(".result__columns code").text()).isEqualTo("ledger_account_code");
        assertThat(page.select("a.facet__more").attr("href")).contains("status=retired");
    }

    @Test
    void matchingColumnsAreTheColumnsThatMatchedEachWithItsTable() {
        String domain = Descriptors.newDomain();
        product(domain, "visits", "Field Visits")
                .purpose("Technician visits booked at customer premises.")
                .withoutColumns()
                .column("customer_id", "string", true, "internal", false, "Customer.customer_id", "Customer visited")
                .column("customer_contact_phone", "string", false, "internal", false, null, "Number to call")
                .column("visit_date", "string", false, "internal", false, null, "Day of the visit")
                .columnYaml("  - name: visit_history\n    physicalType: table\n    properties:")
                .column("customer_id", "string", true, "internal", false, "Customer.customer_id", "Customer visited")
                .column("customerContactPhone", "string", false, "internal", false, null, "Number as it was")
                .publish()
                .then()
                .statusCode(201);

        JsonPath whole = search(Map.of("q", "customer_contact_phone", "domain", domain));
        assertThat(whole.getList("hits[0].matchedColumns.name", String.class))
                .as("only the columns that are the identifier, not every column about customers")
                .containsExactly("customer_contact_phone", "customerContactPhone");
        assertThat(whole.getList("hits[0].matchedColumns.table", String.class))
                .containsExactly("main", "visit_history");

        JsonPath word = search(Map.of("q", "customer ", "domain", domain));
        List<Map<String, Object>> columns = word.getList("hits[0].matchedColumns");
        assertThat(columns)
                .extracting(c -> c.get("table") + "." + c.get("name"))
                .containsExactly(
                        "main.customer_id",
                        "main.customer_contact_phone",
                        "visit_history.customer_id",
                        "visit_history.customerContactPhone");

        Document page = Jsoup.parse(given().queryParam("q", "customer_contact_phone")
                .queryParam("domain", domain)
                .get("/search")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select(".result__columns").text())
                .isEqualTo("Matching columns: customer_contact_phone in main, customerContactPhone in visit_history");
    }

    @Test
    void snippetsShowMarkdownAsPlainText() {
        String domain = Descriptors.newDomain();
        product(domain, "markdown", "Service Register")
                .purpose("One row per **network service**, as _provisioned_; see [the guide](https://example.com/guide)"
                        + " and `service_id`.")
                .publish()
                .then()
                .statusCode(201);

        for (String query : List.of("network", "register")) {
            List<Map<String, Object>> snippet =
                    search(Map.of("q", query, "domain", domain)).getList("hits[0].snippet");
            String text = snippet.stream().map(s -> (String) s.get("text")).reduce("", String::concat);
            assertThat(text)
                    .as("snippet for %s", query)
                    .isEqualTo("One row per network service, as provisioned; see the guide and service_id.");
        }
        List<Map<String, Object>> highlighted =
                search(Map.of("q", "network", "domain", domain)).getList("hits[0].snippet");
        assertThat(highlighted).anySatisfy(segment -> {
            assertThat(segment.get("highlighted")).isEqualTo(true);
            assertThat((String) segment.get("text")).isEqualTo("network");
        });
    }

    @Test
    void theSearchBoxSuggestsProductsDomainsAndTags() {
        String domain = Descriptors.newDomain();
        String word = "Xylo" + System.nanoTime();
        product(domain, "xylo", word + "phone Metrics")
                .productField("tags", "[" + word.toLowerCase() + "tag]")
                .publish()
                .then()
                .statusCode(201);

        JsonPath suggestions = given().queryParam("q", word.substring(0, 10))
                .get("/api/search/suggest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(suggestions.getList("products.key", String.class)).contains(domain + ".xylo");
        assertThat(suggestions.getList("tags", String.class)).contains(word.toLowerCase() + "tag");
        given().queryParam("q", "Domain " + domain.substring(0, 5))
                .get("/api/search/suggest")
                .then()
                .statusCode(200);
    }

    @Test
    void anyTextIsAcceptedAndAbsurdRequestsAreRefusedClearly() {
        for (String hostile : List.of(
                "*",
                "?",
                "\"",
                "\"unclosed phrase",
                "\\",
                "title:foo",
                "AND OR NOT",
                "((((",
                ")",
                "~",
                "foo~2",
                "^2",
                "/regex/",
                "[a TO z]",
                "{}",
                "&&||",
                "!",
                "-",
                "+-+",
                "a*b?c",
                "%",
                "😀 data",
                "'; drop table data_product; --",
                "<script>alert(1)</script>",
                "a".repeat(999))) {
            given().queryParam("q", hostile).get("/api/search").then().statusCode(200);
            given().queryParam("q", hostile).get("/search").then().statusCode(200);
            given().queryParam("q", hostile).get("/api/search/suggest").then().statusCode(200);
        }
        // Text no one types and the database cannot hold is refused by name (issue 11 C3), not searched.
        for (String path : List.of("/api/search", "/api/search/suggest")) {
            given().queryParam("q", "servi\u0000ce")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("q"));
        }
        given().queryParam("q", "x".repeat(10_000))
                .get("/api/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].message", containsString("limited to 1000 characters"));
        given().queryParam("q", "w ".repeat(400))
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("more than 32 words"));
        given().queryParam("q", "service")
                .queryParam("page", 1_000_000)
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().queryParam("sort", "sideways")
                .get("/search")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"));
        given().queryParam("size", 0)
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void onlyAdminsRebuildTheIndex() {
        given().post("/api/search/rebuild").then().statusCode(403);
    }

    @Test
    void theIndexRebuildsItselfWhenItsFilesAreDeletedOrDamagedAndCatchesUpAfterACrash() throws Exception {
        String domain = Descriptors.newDomain();
        String word = "Phoenix" + System.nanoTime();
        product(domain, "phoenix", word + " Risen").publish().then().statusCode(201);

        // Deleted: every file of the index is gone when the portal starts.
        index.close();
        deleteContents(indexRoot());
        index.open();
        awaitReady();
        assertThat(search(Map.of("q", word)).getList("hits.key", String.class)).containsExactly(domain + ".phoenix");

        // Damaged: bytes of the index files overwritten.
        index.close();
        try (Stream<Path> files = Files.walk(indexRoot())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().matches(".*\\.(cfs|si|doc|tim)")) {
                    Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, StandardOpenOption.TRUNCATE_EXISTING);
                }
            }
        }
        index.open();
        awaitReady();
        assertThat(search(Map.of("q", word)).getList("hits.key", String.class)).containsExactly(domain + ".phoenix");

        // Crashed: the disk holds an older commit than what was published since (as after kill -9).
        index.close();
        Path copy = Files.createTempDirectory("signalbox-index-copy");
        copyContents(indexRoot(), copy);
        index.open();
        awaitReady();
        product(domain, "phoenix-two", word + " Again").publish().then().statusCode(201);
        index.close();
        deleteContents(indexRoot());
        copyContents(copy, indexRoot());
        index.open();
        awaitReady();
        assertThat(search(Map.of("q", word)).getList("hits.key", String.class))
                .containsExactlyInAnyOrder(domain + ".phoenix", domain + ".phoenix-two");
    }

    @Inject
    DataSource database;

    /**
     * A rebuild reads every product from PostgreSQL afresh. To see that one ran, a title is changed behind the index's
     * back (in SQL, without the product's lock version, so neither a publication's update nor the periodic comparison
     * with the catalog notices it): only the rebuilt index finds the new word.
     */
    @Test
    void anAdminRebuildReadsTheCatalogAfreshAndSwapsItInWhileSearchesGoOn() throws Exception {
        String domain = Descriptors.newDomain();
        String word = "Rebuilt" + System.nanoTime();
        String hidden = "Unindexed" + System.nanoTime();
        product(domain, "rebuilt", word + " Thing").publish().then().statusCode(201);
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("update product_version set title = ?"
                        + " where id = (select current_version_id from data_product where key = ?)")) {
            update.setString(1, word + " " + hidden + " Thing");
            update.setString(2, domain + ".rebuilt");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThat(search(Map.of("q", hidden)).getList("hits"))
                .as("not yet in the index")
                .isEmpty();
        SearchIndex.Rebuild before = index.status().lastRebuild();

        JsonPath accepted = given().post("/api/search/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertThat(accepted.getBoolean("rebuilding")).isTrue();
        // Searches keep answering (from the old index until the new one is swapped in).
        assertThat(search(Map.of("q", word)).getList("hits.key", String.class)).containsExactly(domain + ".rebuilt");
        awaitRebuildAfter(before);

        JsonPath status = given().get("/api/search/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(status.getBoolean("rebuilding")).isFalse();
        assertThat(Instant.parse(status.getString("lastRebuild.startedAt")))
                .isAfter(before == null ? Instant.EPOCH : before.startedAt());
        assertThat(status.getLong("lastRebuild.durationMillis")).isGreaterThanOrEqualTo(0);
        assertThat(status.getLong("lastRebuild.products")).isPositive();
        assertThat(search(Map.of("q", hidden)).getList("hits.key", String.class))
                .as("the rebuilt index read the title from PostgreSQL")
                .containsExactly(domain + ".rebuilt");
        assertThat(search(Map.of("q", word)).getList("hits.key", String.class)).containsExactly(domain + ".rebuilt");
    }

    private void awaitRebuildAfter(SearchIndex.Rebuild before) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            SearchIndex.Status status = index.status();
            assertThat(status.rebuilding()).as("rebuilding, now %s", status).isFalse();
            assertThat(status.lastRebuild())
                    .as("a new rebuild, now %s", status)
                    .isNotNull()
                    .isNotEqualTo(before);
        });
    }

    private Path indexRoot() {
        return index.directory();
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(index.status().state())
                        .as("index state, now %s", index.status())
                        .isEqualTo(SearchIndex.State.READY));
    }

    private static void deleteContents(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(root)) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void copyContents(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
