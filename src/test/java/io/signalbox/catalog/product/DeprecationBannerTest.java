package io.signalbox.catalog.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The product page under a deprecation notice (issue 13): a banner in plain words with the days left counted on the
 * portal's clock, the successor or why there is none, the reason, the migration guide as safe Markdown and a link to
 * the notice; a line's notice only on that line's versions; a retired product's page kept as a tombstone.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DeprecationBannerTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Document page(String path) {
        return Jsoup.parse(given().accept("text/html")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String headline(String path) {
        return page(path).select("#deprecation .deprecation-banner__headline").text();
    }

    @Test
    void theBannerSaysWhenTheProductStopsInDaysOnThePortalsClockAndWhatToUseInstead() {
        String domain = Descriptors.newDomain();
        Descriptors successor = Descriptors.product(domain).title("Service inventory v2");
        successor.publish().then().statusCode(201);
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        LocalDate sunset = today().plusDays(91);
        Notices.forProduct(product.key())
                .sunset(sunset)
                .reason("The inventory moves to the new network model.")
                .successor(successor.key(), null)
                .migrationGuide("## Steps\n\nJoin on `service_uuid` instead. <script>alert('guide')</script>")
                .issue();

        String path = "/products/" + product.key();
        Document page = page(path);
        Element banner = page.selectFirst("#deprecation");
        assertThat(banner).isNotNull();
        assertThat(banner.select("h2").text()).isEqualTo("Deprecated");
        assertThat(banner.select(".deprecation-banner__headline").text())
                .isEqualTo("This product stops on " + sunset + ", in 91 days. Use " + successor.key() + " instead.");
        assertThat(banner.select(".deprecation-banner__headline time").attr("datetime"))
                .isEqualTo(sunset.toString());
        assertThat(banner.select("a.successor").attr("href")).isEqualTo("/products/" + successor.key());
        assertThat(banner.select(".deprecation-banner__reason").text())
                .isEqualTo("Why: The inventory moves to the new network model.");
        assertThat(banner.select(".deprecation-banner__guide code").text()).isEqualTo("service_uuid");
        assertThat(banner.select("script"))
                .as("raw HTML in the guide is escaped")
                .isEmpty();
        assertThat(banner.select(".deprecation-banner__guide").text()).contains("<script>alert('guide')</script>");
        assertThat(banner.select("a.notice-link").attr("href"))
                .isEqualTo("/products/" + product.key() + "/deprecation");
        assertThat(banner.select(".changes-for-you"))
                .as("not a declared consumer")
                .isEmpty();
        assertThat(page.select(".product-header .badge--status-deprecated").text())
                .isEqualTo("deprecated");

        clock.advance(Duration.ofDays(90));
        assertThat(headline(path))
                .isEqualTo("This product stops on " + sunset + ", in 1 day. Use " + successor.key() + " instead.");
        clock.advance(Duration.ofDays(1));
        assertThat(headline(path))
                .isEqualTo("This product stops on " + sunset + ", today. Use " + successor.key() + " instead.");
    }

    @Test
    void aLinesNoticeShowsOnThatLinesVersionsOnlyAndSaysWhyThereIsNoSuccessor() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        LocalDate sunset = today().plusDays(120);
        Notices.forProduct(product.key())
                .line(1)
                .sunset(sunset)
                .noSuccessor("the source system is switched off")
                .issue();
        product.version("2.0.0").publish().then().statusCode(201);

        assertThat(page("/products/" + product.key()).select("#deprecation"))
                .as("the current version is in line 2")
                .isEmpty();
        assertThat(headline("/products/" + product.key() + "/versions/1.0.0"))
                .isEqualTo("Major line 1 of this product stops on " + sunset
                        + ", in 120 days. There is no successor: the source system is switched off");
    }

    @Test
    void aRetiredProductsPageIsATombstonePointingToTheSuccessor() {
        String domain = Descriptors.newDomain();
        Descriptors successor = Descriptors.product(domain);
        successor.publish().then().statusCode(201);
        Descriptors product = Descriptors.product(domain).title("Copper line inventory");
        product.publish().then().statusCode(201);
        LocalDate sunset = today().minusDays(1);
        long notice = Notices.forProduct(product.key())
                .issuedAt(clock.instant().minus(Duration.ofDays(95)))
                .sunset(sunset)
                .successor(successor.key(), "1.0.0")
                .issue();
        Notices.retire(notice);

        Document page = page("/products/" + product.key());
        Element banner = page.selectFirst("#deprecation.deprecation-banner--retired");
        assertThat(banner).isNotNull();
        assertThat(banner.select("h2").text()).isEqualTo("Retired on " + sunset);
        assertThat(banner.select(".deprecation-banner__headline").text())
                .isEqualTo("This product was retired on " + sunset + ". Use " + successor.key() + " 1.0.0 instead.");
        assertThat(banner.select("a.successor").attr("href"))
                .isEqualTo("/products/" + successor.key() + "/versions/1.0.0");
        // The rest stays readable.
        assertThat(page.select("h1").text()).isEqualTo("Copper line inventory");
        assertThat(page.select("#schema th[scope=row] code").eachText()).containsExactly("service_id", "service_name");
        assertThat(page.select(".product-header .badge--status-retired")).hasSize(1);
    }

    @Test
    void theDomainsOwnerFindsTheDeprecateButtonForTheShownLineUntilANoticeCoversIt() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        String path = "/products/" + product.key();

        Document page = page(path);
        String deprecate = page.select(".product-actions a.deprecate").attr("href");
        assertThat(deprecate).isEqualTo(path + "/deprecation/new");
        given().accept("text/html").get(deprecate).then().statusCode(200);
        assertThat(page.select(".product-actions form.subscribe-form").attr("action"))
                .isEqualTo(path + "/subscription");
        assertThat(page.select(".subscribe-form input[name=csrf-token]").attr("value"))
                .isNotBlank();

        product.version("2.0.0").publish().then().statusCode(201);
        assertThat(page(path + "/versions/1.0.0").select("a.deprecate").attr("href"))
                .isEqualTo(path + "/deprecation/new?major=1");

        Notices.forProduct(product.key()).line(2).issue();
        assertThat(page(path).select("a.deprecate")).as("line 2 has its notice").isEmpty();
        assertThat(page(path + "/versions/1.0.0").select("a.deprecate")).hasSize(1);
    }

    @Test
    void aProductWithoutANoticeHasNoBanner() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);

        assertThat(page("/products/" + product.key()).select("#deprecation")).isEmpty();
    }
}
