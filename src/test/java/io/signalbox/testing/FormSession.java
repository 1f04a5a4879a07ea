package io.signalbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * What a browser holds after opening a portal page as the signed-in person: the form cookie and the synchronizer token
 * the page's forms carry. The token belongs to the browser and the person, not to one form, so a token taken from any
 * page (the publish page shows a form to everyone) is accepted by every form post of that person. Tests of role checks
 * post with it, so that the role check, not the token check, is what answers.
 */
public record FormSession(String cookie, String token) {

    public static final String COOKIE = "signalbox-form";
    public static final String FIELD = "csrf-token";

    /** Opens the page at {@code path} and keeps its cookie and the token of its first form. */
    public static FormSession openedAt(String path) {
        Response page = RestAssured.given().get(path);
        page.then().statusCode(200);
        String token = Jsoup.parse(page.asString())
                .select("form input[name=" + FIELD + "]")
                .attr("value");
        String cookie = page.getCookie(COOKIE);
        assertThat(token).as("a form token on %s", path).isNotBlank();
        assertThat(cookie).as("the form cookie set by %s", path).isNotBlank();
        return new FormSession(cookie, token);
    }

    /** Posts a URL-encoded form with this session's cookie and token; redirects are not followed. */
    public Response post(String path, Map<String, String> fields) {
        RequestSpecification request = RestAssured.given()
                .redirects()
                .follow(false)
                .cookie(COOKIE, cookie)
                .formParam(FIELD, token);
        fields.forEach(request::formParam);
        return request.post(path);
    }

    /** Posts a multipart form (as the publish page does) with this session's cookie and token. */
    public Response postMultipart(String path, Map<String, String> fields) {
        RequestSpecification request = RestAssured.given()
                .redirects()
                .follow(false)
                .cookie(COOKIE, cookie)
                .multiPart(FIELD, token);
        fields.forEach(request::multiPart);
        return request.post(path);
    }

    /**
     * Checks that a post was refused by a role check: 403 with the role's explanation, and not the token check's
     * "reload the page" (which would mean the role check was never reached).
     */
    public static void assertRefusedByRoleCheck(Response answer, String explanation) {
        answer.then().statusCode(403);
        assertThat(answer.asString())
                .as("the refusal explains the missing role")
                .contains(explanation)
                .doesNotContain("reload the page");
    }
}
