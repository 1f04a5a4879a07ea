package io.signalbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An analyst searches from the header, narrows by a facet and opens a result, in a real browser. */
@QuarkusTest
class SearchBrowserTest extends BrowserJourney {

    @Test
    void anAnalystTypesPicksAFacetAndOpensAResult() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String owner = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        String word = "Kestrel" + (System.nanoTime() % 1_000_000);
        Descriptors.product(domain)
                .slug("kestrel-internal")
                .title(word + " Backbone Links")
                .classification("internal")
                .publishWithToken(owner)
                .then()
                .statusCode(201);
        Descriptors.product(domain)
                .slug("kestrel-confidential")
                .title(word + " Backbone Contracts")
                .classification("confidential")
                .publishWithToken(owner)
                .then()
                .statusCode(201);

        openAndWait("");
        Browser.signIn(browser, "rita.reader", "reader");

        // A person's session also opens the JSON twin of a page (no heading to wait for: get() returns once it loaded).
        browser.get(portal + "api/search/status");
        assertThat(browser.getPageSource()).contains("\"state\"");
        openAndWait("");
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys(word.substring(0, 6));
        // The suggestion script fills the box's list as one types.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("datalist option[value='" + word + " Backbone Links']")));
        waitForNewPageAfter(() -> box.sendKeys(word.substring(6) + " backbone services", Keys.ENTER));
        assertThat(browser.getCurrentUrl()).contains("/search?q=");
        assertThat(titles()).containsExactlyInAnyOrder(word + " Backbone Links", word + " Backbone Contracts");

        WebElement confidential = browser.findElement(By.xpath(
                "//section[h2='Classification']//a[.//span[@class='facet__label' and text()='confidential']]"));
        assertThat(confidential.getText()).contains("1");
        clickAndWaitForPage(confidential);

        assertThat(titles()).containsExactly(word + " Backbone Contracts");
        assertThat(browser.findElement(By.cssSelector(".chosen-filters")).getText())
                .contains("Classification: confidential");
        assertThat(browser.findElement(By.cssSelector(".result__snippet mark")).getText())
                .isNotBlank();

        clickAndWaitForPage(browser.findElement(By.linkText(word + " Backbone Contracts")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo(word + " Backbone Contracts");
    }

    private static List<String> titles() {
        return browser.findElements(By.cssSelector(".result__title a")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
