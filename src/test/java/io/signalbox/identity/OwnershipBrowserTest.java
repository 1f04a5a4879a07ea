package io.signalbox.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An admin grants and revokes domain ownership in a real browser; the forms' tokens and cookie work end to end. */
@QuarkusTest
class OwnershipBrowserTest extends BrowserJourney {

    @Test
    void anAdminGrantsOwnershipFromTheDomainPageAndRevokesIt() {
        String adminToken = Tokens.accessToken("adam.admin", "admin");
        String domain = Descriptors.newDomainWithToken(adminToken, "nora.network");

        openAndWait("domains/" + domain);
        Browser.signIn(browser, "adam.admin", "admin");
        clickAndWaitForPage(browser.findElement(By.partialLinkText("Who owns")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).startsWith("Owners of");

        browser.findElement(By.id("username")).sendKeys("bill.billing");
        clickAndWaitForPage(browser.findElement(By.xpath("//button[text()='Grant ownership']")));

        assertThat(browser.findElement(By.cssSelector(".notice--ok")).getText()).contains("bill.billing now owns");
        assertThat(owners(domain, adminToken)).contains("bill.billing");
        // bill.billing may now publish to the domain with his own token.
        Descriptors.product(domain)
                .publishWithToken(Tokens.accessToken("bill.billing", "billing"))
                .then()
                .statusCode(201);

        clickAndWaitForPage(browser.findElement(By.xpath("//tr[td[text()='bill.billing']]//button")));

        assertThat(browser.findElement(By.cssSelector(".notice--ok")).getText())
                .contains("bill.billing no longer owns");
        assertThat(owners(domain, adminToken)).doesNotContain("bill.billing");
    }

    private static List<String> owners(String domain, String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/domains/" + domain + "/owners")
                .then()
                .statusCode(200)
                .extract()
                .path("items.username");
    }
}
