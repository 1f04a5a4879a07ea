package io.signalbox.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The admin page that grants and revokes domain ownership, and the synchronizer token its forms carry. */
@QuarkusTest
class OwnershipPagesTest {

    @Inject
    DomainService domains;

    @Inject
    DomainOwnership ownership;

    /** Setup for tests that run as a reader, who may not register domains through the API. */
    private String registerDomainDirectly() {
        String key = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        domains.register(
                key,
                new DomainService.DomainDraft(
                        "Domain " + key, "Test domain", "Owner <owner@example.com>", "tech@example.com", null),
                "test-setup");
        return key;
    }

    /** The form cookie and the token of the grant form, as a browser would hold them after opening the page. */
    private record OpenedForm(String cookie, String token, Document page) {}

    private static OpenedForm open(String domain) {
        Response response = given().get("/domains/" + domain + "/owners");
        response.then().statusCode(200);
        Document page = Jsoup.parse(response.asString());
        String token = page.select("form[action=/domains/" + domain + "/owners] input[name=csrf-token]")
                .attr("value");
        return new OpenedForm(response.getCookie("signalbox-form"), token, page);
    }

    @Test
    @TestSecurity(user = "rita.reader", roles = "reader")
    void theOwnersPageShowsTheCountAndTheGrantsFiftyAtATimeWithALinkToTheRest() {
        String domain = registerDomainDirectly();
        for (int i = 0; i < 57; i++) {
            ownership.grant(domain, String.format("owner-%02d", i), "test-setup");
        }

        Document first = Jsoup.parse(given().get("/domains/" + domain + "/owners")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(first.select("#grants-heading").text()).isEqualTo("Granted in Signalbox (57)");
        assertThat(first.select("tbody tr")).hasSize(DomainOwnership.DEFAULT_PAGE_SIZE);
        String more = first.select("a[rel=next]").attr("href");
        assertThat(more).startsWith("/domains/" + domain + "/owners?after=");

        Document rest =
                Jsoup.parse(given().get(more).then().statusCode(200).extract().asString());
        List<String> seen =
                new java.util.ArrayList<>(first.select("tbody td:first-child").eachText());
        seen.addAll(rest.select("tbody td:first-child").eachText());
        assertThat(rest.select("a[rel=next]")).isEmpty();
        assertThat(seen)
                .as("every grant once, by username")
                .hasSize(57)
                .doesNotHaveDuplicates()
                .isSorted();
        given().get("/domains/" + domain + "/owners?after=garbage!").then().statusCode(400);
    }

    private static List<String> grantees(String domain) {
        return given().get("/api/domains/" + domain + "/owners")
                .then()
                .statusCode(200)
                .extract()
                .path("items.username");
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anAdminGrantsAndRevokesOwnershipThroughThePage() {
        String domain = Descriptors.newDomain();
        OpenedForm form = open(domain);
        assertThat(form.cookie()).isNotBlank();
        assertThat(form.token()).isNotBlank();

        given().redirects()
                .follow(false)
                .cookie("signalbox-form", form.cookie())
                .formParam("csrf-token", form.token())
                .formParam("username", " dora.data ")
                .post("/domains/" + domain + "/owners")
                .then()
                .statusCode(303)
                .header("Location", containsString("/domains/" + domain + "/owners?granted=dora.data"));
        assertThat(grantees(domain)).contains("dora.data");
        given().get("/domains/" + domain + "/owners?granted=dora.data")
                .then()
                .statusCode(200)
                .body(containsString("dora.data now owns"));

        given().redirects()
                .follow(false)
                .cookie("signalbox-form", form.cookie())
                .formParam("csrf-token", form.token())
                .formParam("username", "dora.data")
                .post("/domains/" + domain + "/owners/revoke")
                .then()
                .statusCode(303);
        assertThat(grantees(domain)).doesNotContain("dora.data");
        given().get("/api/audit?domain=" + domain + "&action=ownership.revoked")
                .then()
                .statusCode(200)
                .body(containsString("dora.data"));
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void aFormWithoutTheRightTokenChangesNothing() {
        String domain = Descriptors.newDomain();
        OpenedForm form = open(domain);
        OpenedForm otherBrowser = open(domain);
        assertThat(otherBrowser.cookie()).isNotEqualTo(form.cookie());

        // No token at all, as a forged form on another site would send.
        given().cookie("signalbox-form", form.cookie())
                .formParam("username", "mallory")
                .post("/domains/" + domain + "/owners")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("reload the page"));
        // A token without the cookie it was made for.
        given().formParam("csrf-token", form.token())
                .formParam("username", "mallory")
                .post("/domains/" + domain + "/owners")
                .then()
                .statusCode(403);
        // A valid token of another browser.
        given().cookie("signalbox-form", form.cookie())
                .formParam("csrf-token", otherBrowser.token())
                .formParam("username", "mallory")
                .post("/domains/" + domain + "/owners")
                .then()
                .statusCode(403);
        // A tampered token.
        given().cookie("signalbox-form", form.cookie())
                .formParam("csrf-token", form.token().substring(1) + "A")
                .formParam("username", "mallory")
                .post("/domains/" + domain + "/owners")
                .then()
                .statusCode(403);
        assertThat(grantees(domain)).doesNotContain("mallory");
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anInvalidUsernameShowsTheFormAgainWithWhatToChange() {
        String domain = Descriptors.newDomain();
        OpenedForm form = open(domain);

        Response refused = given().cookie("signalbox-form", form.cookie())
                .formParam("csrf-token", form.token())
                .formParam("username", "<script>alert(1)</script>")
                .post("/domains/" + domain + "/owners");

        refused.then().statusCode(422).contentType(containsString("text/html"));
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".field-problem").text()).contains("username or e-mail address");
        assertThat(page.select("input#username").attr("value")).isEqualTo("<script>alert(1)</script>");
        assertThat(page.select("input#username").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("script:not([src=/ui/search.js])")).isEmpty();
        assertThat(grantees(domain)).containsExactly(Descriptors.TEST_OWNER);
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void aReaderSeesTheOwnersButNoFormAndCannotPostOne() {
        String domain = registerDomainDirectly();
        OpenedForm form = open(domain);
        assertThat(form.page().select("form[action^=/domains/]")).isEmpty();
        assertThat(form.page().text()).contains("/domains/" + domain + "/owners", "Signalbox admins grant and revoke");

        // A valid token of this reader (from the publish page, which shows everyone a form), so that the admin
        // check, not the token check, is what refuses.
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");
        FormSession.assertRefusedByRoleCheck(
                session.post("/domains/" + domain + "/owners", Map.of("username", "rita.reader")),
                "Only Signalbox admins may grant domain ownership");
        assertThat(grantees(domain)).isEmpty();
    }

    @Test
    @TestSecurity(user = "olga.owner")
    void anOwnerWhoIsNoAdminCannotGrantOwnershipWithAValidToken() {
        String domain = registerDomainDirectly();
        ownership.grant(domain, "olga.owner", "test-setup");
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        FormSession.assertRefusedByRoleCheck(
                session.post("/domains/" + domain + "/owners", Map.of("username", "mallory")),
                "Only Signalbox admins may grant domain ownership");
        assertThat(grantees(domain)).containsExactly("olga.owner");
    }

    @Test
    @TestSecurity(user = "olga.owner")
    void anOwnerWhoIsNoAdminCannotRevokeOwnershipWithAValidToken() {
        String domain = registerDomainDirectly();
        ownership.grant(domain, "olga.owner", "test-setup");
        ownership.grant(domain, "otto.other", "test-setup");
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        FormSession.assertRefusedByRoleCheck(
                session.post("/domains/" + domain + "/owners/revoke", Map.of("username", "otto.other")),
                "Only Signalbox admins may revoke domain ownership");
        assertThat(grantees(domain)).containsExactlyInAnyOrder("olga.owner", "otto.other");
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anUnknownDomainAnswers404() {
        given().get("/domains/no-such-domain/owners").then().statusCode(404);
    }
}
