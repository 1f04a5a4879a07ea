package io.signalbox.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Descriptors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A product under a deprecation notice wears the deprecated badge wherever it is listed (search results, the domain's
 * product lists) and its status in the search JSON, from the moment the notice is issued; once retired it leaves the
 * default results and wears the retired badge where it is still asked for (issue 13).
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DeprecatedBadgeTest {

    private static Document page(String path) {
        return Jsoup.parse(given().accept("text/html")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void aNoticeBringsTheDeprecatedBadgeAndRetirementTheRetiredOne() {
        String domain = Descriptors.newDomain();
        String word = "Zephyrine" + System.nanoTime();
        Descriptors product = Descriptors.product(domain).title(word + " Circuits");
        product.publish().then().statusCode(201);
        String search = "/search?q=" + word;
        assertThat(page(search).select(".result .badge--status-published")).hasSize(1);

        long notice = Notices.forProduct(product.key()).issue();

        assertThat(given().queryParam("q", word)
                        .get("/api/search")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("hits.status", String.class))
                .containsExactly("deprecated");
        Document results = page(search);
        assertThat(results.select(".result.result--deprecated")).hasSize(1);
        assertThat(results.select(".result .badge--status-deprecated").text()).isEqualTo("deprecated");
        assertThat(page("/domains/" + domain).select(".badge--status-deprecated"))
                .as("the domain's lists and its count by status")
                .isNotEmpty();

        Notices.retire(notice);

        assertThat(page(search).select(".result"))
                .as("retired products leave the default results")
                .isEmpty();
        Document retired = page(search + "&status=retired");
        assertThat(retired.select(".result .badge--status-retired").text()).isEqualTo("retired");
    }
}
