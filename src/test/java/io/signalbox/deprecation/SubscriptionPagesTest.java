package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import io.signalbox.testing.Tokens;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The subscribe forms of domain pages and My subscriptions, without JavaScript: subscribe, change, unsubscribe. */
@QuarkusTest
class SubscriptionPagesTest {

    @Test
    void aReaderSubscribesToADomainFromItsPageChangesChannelsAndUnsubscribes() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        String rita = Tokens.accessToken("rita.reader", "reader");
        // Every request of this test is rita's, form posts included (FormSession uses RestAssured's defaults).
        RestAssured.authentication = RestAssured.oauth2(rita);
        try {
            journey(domain, rita);
        } finally {
            RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        }
    }

    private static void journey(String domain, String rita) {

        Response page = given().auth().oauth2(rita).get("/domains/" + domain);
        page.then().statusCode(200);
        Document html = Jsoup.parse(page.asString());
        assertThat(html.select("form.subscribe-form").attr("action")).isEqualTo("/domains/" + domain + "/subscription");
        FormSession form = new FormSession(
                page.getCookie(FormSession.COOKIE),
                html.select("form.subscribe-form input[name=csrf-token]").val());

        Response subscribed = form.post("/domains/" + domain + "/subscription", Map.of("channel", "inbox"));
        assertThat(subscribed.statusCode()).isEqualTo(303);
        assertThat(subscribed.getHeader("Location")).contains("/me/subscriptions?saved=");

        Document mine =
                Jsoup.parse(given().auth().oauth2(rita).get("/me/subscriptions").asString());
        String row = mine.select("tr:has(a[href=/domains/" + domain + "])").outerHtml();
        assertThat(row).contains("value=\"inbox\" checked").doesNotContain("value=\"email\" checked");
        String action = mine.select("tr:has(a[href=/domains/" + domain + "]) form[action$=/deletion]")
                .attr("action");

        Response refused = form.post(
                "/domains/" + domain + "/subscription",
                Map.of("channel", "webhook", "webhookUrl", "https://127.0.0.1/hook"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.asString()).select(".field-problem").text())
                .contains("webhookUrl");

        assertThat(form.post(action, Map.of()).statusCode()).isEqualTo(303);
        assertThat(given().auth().oauth2(rita).get("/me/subscriptions").asString())
                .doesNotContain("href=\"/domains/" + domain + "\"");
    }
}
