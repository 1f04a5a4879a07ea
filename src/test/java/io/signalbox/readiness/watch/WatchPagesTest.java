package io.signalbox.readiness.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.Tokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The council's watch page and its JSON twins: every signed-in person reads them, nobody else. */
@QuarkusTest
class WatchPagesTest {

    @Test
    void aReaderSeesTheThreeListsAndTheirJsonTwins() {
        String rita = Tokens.accessToken("rita.reader", "reader");
        String html = given().auth()
                .oauth2(rita)
                .get("/readiness/watch")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("section h2").eachText())
                .containsExactly("Undeclared dependencies", "Orphaned products", "Quarterly model review");
        assertThat(page.select("section nav a").eachAttr("href"))
                .contains(
                        "/api/readiness/watch/undeclared-dependencies",
                        "/api/readiness/watch/orphaned-products",
                        "/api/readiness/watch/model-review");
        for (String list : new String[] {"undeclared-dependencies", "orphaned-products", "model-review"}) {
            given().auth()
                    .oauth2(rita)
                    .get("/api/readiness/watch/" + list)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aCursorThatIsNotOursIsRefusedNamingItsList() {
        String rita = Tokens.accessToken("rita.reader", "reader");
        String html = given().auth()
                .oauth2(rita)
                .get("/readiness/watch?orphans=garbage!")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(Jsoup.parse(html).select("ul.problems code").eachText()).contains("orphans");
        given().auth()
                .oauth2(rita)
                .get("/api/readiness/watch/orphaned-products?domain=Not%20a%20key")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("domain"));
    }

    @Test
    void anonymousCallersAreSentToSignIn() {
        given().get("/api/readiness/watch/undeclared-dependencies").then().statusCode(401);
        given().redirects()
                .follow(false)
                .get("/readiness/watch")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(302, 303));
    }
}
