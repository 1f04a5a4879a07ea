package io.signalbox.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.CopiedSession;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.SignOutRecords;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What a person sees in a real browser when they open a data product. */
@QuarkusTest
class ProductPageBrowserTest extends BrowserJourney {

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource database;

    @Test
    void anAnalystSignsInOpensAProductFromItsDomainAndReadsOwnerSchemaAndOlderVersion() {
        String domain = Descriptors.newDomainWithToken(Tokens.accessToken("adam.admin", "admin"), "nora.network");
        String owner = Tokens.accessToken("nora.network", "network");
        Descriptors product = Descriptors.product(domain)
                .title("Network Service Inventory")
                .column("customer_email", "string", false, "confidential", true, null, "Who ordered it");
        product.publishWithToken(owner).then().statusCode(201);
        product.version("1.1.0")
                .column("site_id", "string", false, "internal", false, null, "Where it terminates")
                .changelog("Adds **site_id**.")
                .publishWithToken(owner)
                .then()
                .statusCode(201);

        openAndWait("domains/" + domain);
        Browser.signIn(browser, "rita.reader", "reader");
        clickAndWaitForPage(browser.findElement(By.linkText("Network Service Inventory")));

        assertThat(browser.getTitle()).isEqualTo("Network Service Inventory · Signalbox");
        assertThat(browser.findElement(By.cssSelector(".session__name")).getText())
                .isEqualTo("rita.reader");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Network Service Inventory");
        assertThat(browser.findElement(By.cssSelector("#overview .facts")).getText())
                .contains("Ana Costa", "ana.costa@example.com");

        // A link within the page: it scrolls, nothing loads, so there is nothing to wait for.
        browser.findElement(By.cssSelector(".section-nav a[href='#schema']")).click();
        WebElement emailRow =
                browser.findElement(By.xpath("//section[@id='schema']//tr[.//code[text()='customer_email']]"));
        assertThat(emailRow.isDisplayed()).isTrue();
        assertThat(emailRow.getText()).contains("confidential", "PII");
        List<String> columns = browser.findElements(By.cssSelector("#schema th[scope=row] code")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(columns).containsExactly("service_id", "service_name", "customer_email", "site_id");
        assertThat(browser.findElement(By.cssSelector("#changelog strong")).getText())
                .isEqualTo("site_id");

        clickAndWaitForPage(browser.findElement(By.linkText("View version 1.0.0")));

        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .contains("You are viewing version 1.0.0", "The current version is 1.1.0");
        assertThat(browser.findElements(By.cssSelector("#schema th[scope=row] code")).stream()
                        .map(WebElement::getText))
                .doesNotContain("site_id");

        CopiedSession session = CopiedSession.of(browser);
        session.get("/domains").then().statusCode(200);

        Instant signingOut = clock.instant();
        clickAndWaitForPage(browser.findElement(By.cssSelector(".session button")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("You have signed out");

        openAndWait("domains/" + domain);
        assertThat(browser.findElements(By.id("kc-login")))
                .as("signing out ends the session")
                .hasSize(1);
        // The provider reported the sign-out (back-channel logout) before it sent the browser back: the register in
        // PostgreSQL holds the session for the longest a session can live, not only for this session's ID token.
        assertThat(SignOutRecords.since(database, signingOut))
                .anySatisfy(row -> assertThat(row.refusedUntil()).isAfter(signingOut.plus(Duration.ofHours(11))));

        // A session cookie copied before signing out is refused after it, every time: immediately, 60 s and 5 minutes
        // later; nothing forgets the sign-out after the first refusal.
        session.assertRefusedFromNowOn("/domains", clock);
    }
}
