package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import org.junit.jupiter.api.Test;

/** Every answer carries a request id (web.RequestIds): in its header, in problem documents and on error pages. */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class RequestIdsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void anAnswerWithoutAGivenIdGetsAFreshOneAndProblemsQuoteIt() {
        Response first = given().get("/api/products/no-such-domain.no-such-product");
        Response second = given().get("/api/products/no-such-domain.no-such-product");

        first.then().statusCode(404);
        String id = first.header(RequestIds.HEADER);
        assertThat(id).matches(UUID);
        assertThat(first.jsonPath().getString("requestId")).isEqualTo(id);
        assertThat(second.header(RequestIds.HEADER)).matches(UUID).isNotEqualTo(id);
    }

    @Test
    void anIdGivenByAProxyIsKeptAndShownOnErrorPages() {
        given().header(RequestIds.HEADER, "ingress-7f3a9c21")
                .get("/products/no-such-domain.no-such-product")
                .then()
                .statusCode(404)
                .header(RequestIds.HEADER, "ingress-7f3a9c21")
                .body(containsString("<code class=\"request-id\">ingress-7f3a9c21</code>"));
        given().header(RequestIds.HEADER, "ingress-7f3a9c21")
                .get("/ui/signalbox.css")
                .then()
                .statusCode(200)
                .header(RequestIds.HEADER, "ingress-7f3a9c21");
        given().header(RequestIds.HEADER, "ingress-7f3a9c21")
                .get("/api/domains")
                .then()
                .statusCode(200)
                .header(RequestIds.HEADER, equalTo("ingress-7f3a9c21"));
    }

    @Test
    void anIdThatDoesNotLookLikeOneIsReplaced() {
        for (String given : new String[] {"short", "has spaces in it", "x".repeat(65), "<script>alert(1)</script>"}) {
            String answered = given().header(RequestIds.HEADER, given)
                    .get("/api/products/no-such-domain.no-such-product")
                    .then()
                    .statusCode(404)
                    .extract()
                    .header(RequestIds.HEADER);
            assertThat(answered).as("for %s", given).matches(UUID);
        }
    }
}
