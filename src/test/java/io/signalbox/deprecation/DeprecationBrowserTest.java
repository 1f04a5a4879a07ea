package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.notification.delivery.DeliveryWorker;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The journey in a real browser: a reader subscribes to a product, its owner issues a notice, the reader sees
 * the banner and the inbox entry and acknowledges it, and the owner's log shows it delivered and acknowledged.
 */
@QuarkusTest
class DeprecationBrowserTest extends BrowserJourney {

    @Inject
    DeliveryWorker worker;

    @Test
    void aSubscriberIsToldAcknowledgesAndTheOwnerSeesIt() {
        String domain = Descriptors.newDomainWithToken(Tokens.accessToken("adam.admin", "admin"), "nora.network");
        String owner = Tokens.accessToken("nora.network", "network");
        Descriptors successor = Descriptors.product(domain).title("Service inventory two");
        successor.publishWithToken(owner).then().statusCode(201);
        Descriptors product = Descriptors.product(domain).title("Service inventory one");
        product.publishWithToken(owner).then().statusCode(201);

        // The reader subscribes from the product's page.
        openAndWait("products/" + product.key());
        Browser.signIn(browser, "rita.reader", "reader");
        clickAndWaitForPage(browser.findElement(By.cssSelector(".subscribe-form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("My subscriptions");
        assertThat(browser.findElement(By.cssSelector(".data-table")).getText()).contains(product.key());
        signOut();

        // The owner issues the notice from the form (the sunset is filled in with the earliest allowed day).
        openAndWait("products/" + product.key() + "/deprecation/new");
        Browser.signIn(browser, "nora.network", "network");
        browser.findElement(By.id("reason")).sendKeys("Replaced by the second inventory");
        browser.findElement(By.id("successor")).sendKeys(successor.key());
        browser.findElement(By.id("migrationGuide")).sendKeys("Read **two** instead.");
        clickAndWaitForPage(browser.findElement(By.cssSelector(".stacked-form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("The notice is issued");
        assertThat(browser.findElement(By.id("notice-heading")).getText()).contains("stops on", "in 9");
        signOut();

        String rita = Tokens.accessToken("rita.reader", "reader");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            worker.runOnce();
            List<String> subjects = given().auth().oauth2(rita)
                    .get("/api/me/inbox")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.subject");
            return subjects.stream().anyMatch(s -> s.contains(product.key()));
        });

        // The reader sees the banner, then acknowledges from the inbox.
        openAndWait("products/" + product.key());
        Browser.signIn(browser, "rita.reader", "reader");
        assertThat(browser.findElement(By.cssSelector(".deprecation-banner__headline")).getText())
                .contains("stops on", "Use " + successor.key());
        openAndWait("me/inbox");
        WebElement entry = browser.findElements(By.cssSelector("form[action$='/acknowledgement']")).stream()
                .filter(form -> form.findElement(By.tagName("button")).getText().startsWith("Acknowledge"))
                .filter(form -> form.getAttribute("innerHTML").contains(product.key()))
                .findFirst()
                .orElseThrow();
        clickAndWaitForPage(entry.findElement(By.tagName("button")));
        signOut();

        // The owner's log: delivered, and acknowledged through the inbox.
        openAndWait("products/" + product.key() + "/deprecation");
        Browser.signIn(browser, "nora.network", "network");
        WebElement ritaRow = browser.findElement(
                By.xpath("//table//tr[.//td[contains(., 'rita.reader@telco.example')]]"));
        assertThat(ritaRow.getText()).contains("subscriber", "(inbox)");
        clickAndWaitForPage(browser.findElement(By.partialLinkText("Every delivery")));
        List<String> states = browser.findElements(By.xpath("//table//tr[.//td[contains(., 'rita.reader')]]/td[5]"))
                .stream()
                .map(WebElement::getText)
                .toList();
        assertThat(states).contains("sent");
        signOut();
    }

    private static void signOut() {
        clickAndWaitForPage(browser.findElement(By.cssSelector(".session button")));
    }
}
