package io.signalbox.catalog.publishing;

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
import org.openqa.selenium.WebElement;

/**
 * A domain owner publishes from the browser, is refused by the council's rules, reads on the page what to change and
 * where, fixes the descriptor, checks it and publishes; the product page then shows the warning it went through with.
 */
@QuarkusTest
class RefusedPublicationBrowserTest extends BrowserJourney {

    @Test
    void aRefusedPublicationsReasonsAreShownAndTheFixedOnePublishes() {
        String domain = Descriptors.newDomainWithToken(Tokens.accessToken("adam.admin", "admin"), "nora.network");
        Descriptors product = Descriptors.product(domain)
                .title("Fibre Route Inventory")
                .withoutConsumers()
                .withoutSla()
                .slaProperty("availability", "99.5", "percent")
                .columnYaml("""
                              - name: msisdn
                                logicalType: string
                                classification: internal
                                description: Phone number of the site contact
                                customProperties:
                                  - property: pii
                                    value: true
                        """);

        openAndWait("domains/" + domain);
        Browser.signIn(browser, "nora.network", "network");
        clickAndWaitForPage(browser.findElement(By.linkText("Publish a data product")));
        fill(product.yaml());
        clickAndWaitForPage(browser.findElement(By.cssSelector("button[value=publish]")));

        WebElement outcome = browser.findElement(By.id("outcome"));
        assertThat(outcome.findElement(By.tagName("h2")).getText())
                .isEqualTo("Nothing was published: 3 things to change");
        List<String> reasons = outcome.findElements(By.cssSelector(".finding--blocking")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(reasons)
                .anySatisfy(r -> assertThat(r)
                        .contains("msisdn is personal data but is classified internal")
                        .contains("Where: schema.main.msisdn.classification")
                        .contains("What to change: classify it confidential or restricted"))
                .anySatisfy(r -> assertThat(r).contains("msisdn is personal data without an access note"))
                .anySatisfy(r -> assertThat(r)
                        .contains("no consumers are declared")
                        .contains("Rule documentation-complete (discoverability, blocking)"));
        assertThat(browser.findElement(By.id("descriptor")).getAttribute("value"))
                .as("the descriptor stays in the box to be fixed")
                .contains("msisdn");
        given().auth()
                .oauth2(Tokens.accessToken("nora.network", "network"))
                .get("/api/products/" + product.key())
                .then()
                .statusCode(404);

        Descriptors fixed = product.withoutColumns()
                .column("service_id", "string", true, "internal", false, "Service.service_id", "Canonical service id")
                .column("msisdn", "string", false, "confidential", true, null, "Phone number of the site contact")
                .consumer("Field Operations", "provisioning", "Call the site contact before a visit");
        fill(fixed.yaml());
        clickAndWaitForPage(browser.findElement(By.cssSelector("button[value=check]")));
        assertThat(browser.findElement(By.cssSelector("#outcome h2")).getText()).contains("ready to publish");
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("no freshness is declared");

        clickAndWaitForPage(browser.findElement(By.cssSelector("button[value=publish]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fibre Route Inventory");
        assertThat(browser.findElement(By.id("governance")).getText())
                .contains("no freshness is declared")
                .contains("freshness-declared");
    }

    /** Puts a descriptor into the box as a paste would (typing thousands of characters adds nothing to the test). */
    private static void fill(String descriptor) {
        WebElement box = browser.findElement(By.id("descriptor"));
        browser.executeScript("arguments[0].value = arguments[1];", box, descriptor);
    }
}
