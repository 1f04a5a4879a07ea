package io.signalbox.freshness.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.signalbox.freshness.watch.FreshnessWatch;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA report (docs/freshness.md): the shares on time equal the values computed by hand for a two-product fixture
 * moved by the injected clock, the page shows them without JavaScript, and every signed-in person reads both.
 */
@QuarkusTest
class SlaReportTest {

    @Inject
    FreshnessWatch watch;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void refreshed(String admin, Descriptors product, Instant lastRefreshedAt) {
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("lastRefreshedAt", lastRefreshedAt.toString()))
                .post("/api/products/" + product.key() + "/measurements")
                .then()
                .statusCode(201);
    }

    private static JsonPath report(String token, String domain) {
        return given().auth()
                .oauth2(token)
                .get("/api/sla?domain=" + domain)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void sharesOnTimeEqualTheHandComputedValuesAndThePageShowsThem() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String rita = Tokens.accessToken("rita.reader", "reader");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        String domain = Descriptors.newDomainWithToken(admin, "adam.admin");
        // 4 hours each, 20 % margin: at risk 48 minutes before the deadline
        Descriptors alpha = Descriptors.product(domain)
                .slug("alpha")
                .withoutSla()
                .slaProperty("freshness", Descriptors.quote("4 h"), null);
        alpha.publishWithToken(admin).then().statusCode(201);
        Descriptors beta = Descriptors.product(domain)
                .slug("beta")
                .withoutSla()
                .slaProperty("freshness", Descriptors.quote("4 h"), null);
        beta.publishWithToken(admin).then().statusCode(201);
        refreshed(admin, alpha, t0);
        refreshed(admin, beta, t0);
        watch.runOnce();

        // t0 + 3 h 30: alpha refreshed in time; beta at risk since t0 + 3 h 12
        clock.advance(Duration.ofMinutes(210));
        refreshed(admin, alpha, t0.plus(Duration.ofMinutes(210)));
        watch.runOnce();
        // t0 + 6 h: beta breached since t0 + 4 h; alpha on time until t0 + 6 h 42
        clock.advance(Duration.ofMinutes(150));
        watch.runOnce();

        JsonPath at6h = report(rita, domain);
        // alpha 6 h of 6 on time; beta 4 of 6; the domain 10 of 12
        assertThat(at6h.getList("domains", Map.class))
                .singleElement()
                .satisfies(d -> assertThat(d)
                        .containsEntry("key", domain)
                        .containsEntry("products", 2)
                        .containsEntry("breached", 1)
                        .containsEntry("atRisk", 0)
                        .containsEntry("onTime30", 0.8333f)
                        .containsEntry("onTime90", 0.8333f));
        assertThat(at6h.getInt("breaches.count")).isEqualTo(1);
        assertThat(at6h.getList("breaches.longestOverdue.key")).containsExactly(beta.key());
        assertThat(at6h.getString("breaches.longestOverdue[0].deadline"))
                .isEqualTo(t0.plus(Duration.ofHours(4)).toString());
        assertThat(at6h.getString("breaches.longestOverdue[0].since"))
                .isEqualTo(t0.plus(Duration.ofHours(4)).toString());
        assertThat(at6h.getList("worstOffenders.key")).containsExactly(beta.key());
        assertThat(at6h.getList("worstOffenders.onTime30")).containsExactly(0.6667f);
        assertThat(at6h.getList("products.items.key")).containsExactly(alpha.key(), beta.key());
        assertThat(at6h.getList("products.items.onTime30")).containsExactly(1.0f, 0.6667f);
        assertThat(at6h.getList("products.items.state")).containsExactly("on_time", "breached");

        // t0 + 7 h: beta refreshed at t0 + 6 h 30 (breached 2 h 30 of 7 h); alpha at risk since t0 + 6 h 42
        clock.advance(Duration.ofHours(1));
        refreshed(admin, beta, t0.plus(Duration.ofMinutes(390)));
        watch.runOnce();
        JsonPath at7h = report(rita, domain);
        assertThat(at7h.getList("products.items.state")).containsExactly("at_risk", "on_time");
        assertThat(at7h.getList("products.items.onTime30")).containsExactly(1.0f, 0.6429f);
        assertThat(at7h.getFloat("domains[0].onTime30")).isEqualTo(0.8214f); // 11.5 h of 14
        assertThat(at7h.getInt("domains[0].atRisk")).isEqualTo(1);
        assertThat(at7h.getInt("breaches.count")).isZero();
        assertThat(at7h.getList("worstOffenders.key")).containsExactly(beta.key());

        // the products list pages by key
        JsonPath first = given().auth()
                .oauth2(rita)
                .get("/api/sla/products?domain=" + domain + "&size=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items.key")).containsExactly(alpha.key());
        assertThat(given().auth()
                        .oauth2(rita)
                        .get(first.getString("next"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.key"))
                .containsExactly(beta.key());

        // the page: the domain's row, the worst offender, every product with its state
        Document page = Jsoup.parse(given().auth()
                .oauth2(rita)
                .get("/sla?domain=" + domain)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#by-domain tr[data-domain=" + domain + "] td").eachText())
                .containsExactly("2", "0", "1", "82.1 %", "82.1 %");
        assertThat(page.select("#worst-offenders tr[data-product]").eachAttr("data-product"))
                .containsExactly(beta.key());
        assertThat(page.select("#products tr[data-product] .badge").eachText()).containsExactly("at risk", "on time");
        assertThat(page.select("#products tr[data-product] a").eachAttr("href"))
                .containsExactly("/products/" + alpha.key(), "/products/" + beta.key());
        Document all = Jsoup.parse(given().auth()
                .oauth2(rita)
                .get("/sla")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(all.select("#by-domain tr[data-domain=" + domain + "] th a").attr("href"))
                .isEqualTo("/sla?domain=" + domain);
        assertThat(all.select("nav.site-nav a[href=/sla]")).hasSize(1);
        Document domainPage = Jsoup.parse(given().auth()
                .oauth2(rita)
                .get("/domains/" + domain)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(domainPage.select("a[href=/sla?domain=" + domain + "]")).hasSize(1);
    }

    @Test
    void anUnknownDomainIsNotFoundAndAFilterThatIsNoKeyIsRefusedNamingIt() {
        String rita = Tokens.accessToken("rita.reader", "reader");
        given().auth().oauth2(rita).get("/api/sla?domain=no-such-domain").then().statusCode(404);
        given().auth().oauth2(rita).get("/sla?domain=no-such-domain").then().statusCode(404);
        given().auth()
                .oauth2(rita)
                .get("/api/sla?domain=Not%20a%20key")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("domain"));
        given().auth()
                .oauth2(rita)
                .get("/api/sla/products?size=0")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
        assertThat(given().auth()
                        .oauth2(rita)
                        .get("/api/sla")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("domains"))
                .isNotNull();
    }

    @Test
    void anonymousCallersAreSentToSignIn() {
        given().get("/api/sla").then().statusCode(401);
        given().get("/api/sla/products").then().statusCode(401);
        given().redirects().follow(false).get("/sla").then().statusCode(oneOf(302, 303));
    }
}
