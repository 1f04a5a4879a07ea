package io.signalbox.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A declared consumer signed in to the portal opens a deprecated product and reads, in the banner, the schema changes
 * that matter to them in the successor (others see the banner without them: DeprecationBannerTest, DeprecationApiTest).
 */
@QuarkusTest
class ChangesForConsumersBrowserTest extends BrowserJourney {

    @Test
    void aDeclaredConsumerSeesTheColumnsThatDifferInTheSuccessor() {
        String nora = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(Tokens.accessToken("adam.admin", "admin"), "nora.network");
        Descriptors product = Descriptors.product(domain)
                .title("Legacy circuits")
                .column("region", "string", false, "internal", false, null, "Where it runs")
                .consumer("Reporting", "billing", "Monthly report", "rita.reader@telco.example");
        product.publishWithToken(nora).then().statusCode(201);
        Descriptors successor = Descriptors.product(domain).title("Circuits");
        successor.publishWithToken(nora).then().statusCode(201);
        Notices.forProduct(product.key()).successor(successor.key(), null).issue();

        openAndWait("products/" + product.key());
        Browser.signIn(browser, "rita.reader", "reader");

        assertThat(browser.findElement(By.cssSelector("#deprecation .deprecation-banner__headline"))
                        .getText())
                .startsWith("This product stops on ")
                .endsWith("Use " + successor.key() + " instead.");
        List<String> rows = browser.findElements(By.cssSelector("#deprecation table.changes-for-you tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(rows).containsExactly("main.region removed string → —");
        assertThat(browser.findElements(By.cssSelector("a.deprecate")))
                .as("a reader does not own the domain")
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("form.subscribe-form"))).hasSize(1);
    }
}
