package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** Signed-in pages and API answers are never stored by browsers or proxies; the stylesheet may be. */
@QuarkusTest
@TestSecurity(user = "rita.reader")
class PrivateAnswersTest {

    @Test
    void pagesAreNotStored() {
        for (String page : new String[] {"/", "/domains", "/governance/rules", "/search?q=service"}) {
            given().get(page).then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        }
    }

    @Test
    void apiAnswersAndRefusalsAreNotStored() {
        given().get("/api/governance/rules").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().get("/api/products/no.such-product")
                .then()
                .statusCode(404)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void theStylesheetMayBeCached() {
        given().get("/ui/signalbox.css").then().statusCode(200).header("Cache-Control", not(equalTo("no-store")));
    }
}
