package io.signalbox.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class AuditLogTest {

    @Test
    void registeringADomainAndPublishingTwoVersionsAreRecordedWithBeforeAndAfter() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        product.version("1.1.0").changelog("Second.").publish().then().statusCode(201);

        given().get("/api/audit?domain=" + domain)
                .then()
                .statusCode(200)
                .body("entries", hasSize(4))
                .body(
                        "entries.action",
                        contains("product.published", "product.published", "ownership.granted", "domain.registered"))
                .body("entries[0].actor", equalTo(Descriptors.TEST_OWNER))
                .body("entries[0].subjectKey", equalTo(product.key()))
                .body("entries[0].before", containsString("version 1.0.0"))
                .body("entries[0].after", containsString("version 1.1.0"))
                .body("entries[1].before", nullValue())
                .body("entries[3].after", containsString("Owner <owner@example.com>"));
    }

    @Test
    void refusedAndRepeatedPublicationsLeaveNoTrace() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        product.publish().then().statusCode(200);
        product.title("x".repeat(300)).version("2.0.0").publish().then().statusCode(422);

        given().get("/api/audit?domain=" + domain + "&action=product.published")
                .then()
                .statusCode(200)
                .body("entries", hasSize(1));
    }

    @Test
    void anUnchangedDomainUpdateIsNotRecordedButAChangedOneIs() {
        String domain = Descriptors.newDomain();
        String body = "{\"name\":\"Domain " + domain + "\",\"description\":\"Test domain\","
                + "\"businessOwner\":\"Owner <owner@example.com>\",\"technicalContact\":\"tech@example.com\"}";
        given().contentType("application/json")
                .body(body)
                .put("/api/domains/" + domain)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body(body.replace("tech@example.com", "new-tech@example.com"))
                .put("/api/domains/" + domain)
                .then()
                .statusCode(200);

        given().get("/api/audit?subject=" + domain)
                .then()
                .body("entries.action", contains("domain.updated", "ownership.granted", "domain.registered"))
                .body("entries[0].before", containsString("tech@example.com"))
                .body("entries[0].after", containsString("new-tech@example.com"));
    }

    @Test
    void theAuditPageListsChangesAndKeepsItsFilters() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        Document page = Jsoup.parse(given().get("/audit?domain=" + domain)
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(page.select("input[name=domain]").attr("value")).isEqualTo(domain);
        assertThat(page.select("tbody tr")).hasSize(3);
        assertThat(page.select("tbody a").eachAttr("href"))
                .contains("/products/" + product.key(), "/domains/" + domain);
    }
}
