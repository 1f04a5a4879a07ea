package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Publishing from the browser: check, refusal with reasons on the page, publication, and who may do what. */
@QuarkusTest
class PublishPagesTest {

    private record Opened(String cookie, String token) {}

    private static Opened open(String domain) {
        Response response = given().get("/domains/" + domain + "/publish");
        response.then().statusCode(200);
        String token = Jsoup.parse(response.asString())
                .select("input[name=csrf-token]")
                .attr("value");
        return new Opened(response.getCookie("signalbox-form"), token);
    }

    private static Response submit(String domain, Opened form, String action, String descriptor) {
        return given().cookie("signalbox-form", form.cookie())
                .multiPart("csrf-token", form.token())
                .multiPart("action", action)
                .multiPart("descriptor", descriptor)
                .redirects()
                .follow(false)
                .post("/domains/" + domain + "/publish");
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anOwnerChecksSeesTheReasonsAndPublishes() {
        String domain = Descriptors.newDomain();
        Opened form = open(domain);
        Descriptors product = Descriptors.product(domain).withoutConsumers();

        Response refused = submit(domain, form, "publish", product.yaml());
        refused.then().statusCode(422);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("#outcome h2").text()).startsWith("Nothing was published: 1 thing to change");
        assertThat(page.select("#outcome .finding--blocking").text())
                .contains("no consumers are declared", "customProperties.consumers", "documentation-complete");
        assertThat(page.select("textarea[name=descriptor]").text())
                .as("the descriptor is kept for the fix")
                .contains(product.key().split("\\.")[1]);
        given().get("/api/products/" + product.key()).then().statusCode(404);

        product.consumer("Billing Operations", "billing", "Rate usage per service");
        Response checked = submit(domain, form, "check", product.yaml());
        checked.then().statusCode(200);
        assertThat(Jsoup.parse(checked.asString()).select("#outcome h2").text()).contains("ready to publish");
        given().get("/api/products/" + product.key()).then().statusCode(404);

        submit(domain, form, "publish", product.yaml())
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/products/" + product.key() + "#governance"));
        given().get("/api/products/" + product.key()).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void unreadableEmptyForeignAndUnsignedSubmissionsAreExplained() {
        String domain = Descriptors.newDomain();
        Opened form = open(domain);

        Response empty = submit(domain, form, "check", "  ");
        empty.then().statusCode(422);
        assertThat(Jsoup.parse(empty.asString()).text()).contains("paste the descriptor");

        Response broken = submit(domain, form, "check", "kind: DataProduct\nname: [unclosed");
        assertThat(broken.statusCode()).isIn(400, 422);
        assertThat(Jsoup.parse(broken.asString()).select("#outcome .finding").text())
                .isNotBlank();

        String other = Descriptors.newDomain();
        Response foreign =
                submit(domain, form, "check", Descriptors.product(other).yaml());
        foreign.then().statusCode(422);
        assertThat(Jsoup.parse(foreign.asString()).text()).contains("publish it from that domain's page");

        given().cookie("signalbox-form", form.cookie())
                .multiPart("action", "publish")
                .multiPart("descriptor", Descriptors.product(domain).yaml())
                .post("/domains/" + domain + "/publish")
                .then()
                .statusCode(403);
    }

    @Inject
    DomainService domains;

    @Test
    @TestSecurity(user = "rita.reader")
    void aReaderMayCheckButNotPublish() {
        String domain = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        domains.register(
                domain,
                new DomainService.DomainDraft(
                        "Domain " + domain, "Test domain", "Owner <owner@example.com>", "tech@example.com", null),
                "test-setup");
        Document page =
                Jsoup.parse(given().get("/domains/" + domain + "/publish").asString());
        assertThat(page.select("button[value=publish]")).isEmpty();
        assertThat(page.select("button[value=check]")).hasSize(1);
        assertThat(page.text()).contains("Only owners of");

        Opened form = open(domain);
        Descriptors product = Descriptors.product(domain);
        // The same form token is accepted for a check (below), so this refusal is the owner check's.
        FormSession.assertRefusedByRoleCheck(submit(domain, form, "publish", product.yaml()), "Only owners of domain");
        Response checked = submit(domain, form, "check", product.yaml());
        checked.then().statusCode(200);
        assertThat(Jsoup.parse(checked.asString()).select("#outcome h2").text()).contains("ready to publish");

        given().get("/api/products/" + product.key()).then().statusCode(404);
        given().get("/api/domains/" + domain).then().statusCode(200).body("productCount", equalTo(0));
    }
}
