package io.signalbox.readiness.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The journey in a real browser: a domain owner fills the questionnaire with one red, saves, sees the verdict
 * the draft would get and the plan item the red needs, adds it and submits, and sees the submitted assessment; the
 * council's heatmap then shows the domain's new cells.
 */
@QuarkusTest
class ReadinessBrowserTest extends BrowserJourney {

    @Test
    void anOwnerAssessesHonestlyWithOneRedAndAPlanAndSubmits() {
        String domain = Descriptors.newDomainWithToken(Tokens.accessToken("adam.admin", "admin"), "nora.network");

        openAndWait("domains/" + domain + "/readiness");
        Browser.signIn(browser, "nora.network", "network");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Readiness of");

        Map<String, String> scores = Map.of(
                "business-ownership", "green",
                "consumer-awareness", "amber",
                "data-knowledge", "green",
                "change-authority", "green",
                "capacity", "red",
                "sla-readiness", "amber");
        scores.forEach((criterion, score) -> {
            browser.findElement(By.cssSelector("#criterion-" + criterion + " input[value=" + score + "]"))
                    .click();
            browser.findElement(By.id("justification-" + criterion))
                    .sendKeys("Our reason for " + criterion + " being " + score);
        });
        clickAndWaitForPage(browser.findElement(By.id("save-draft")));

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("The draft is saved");
        assertThat(browser.findElement(By.cssSelector(".draft-verdict")).getText())
                .isEqualTo("Needs capability building");
        assertThat(browser.findElement(By.cssSelector("#criterion-capacity .criterion__problem"))
                        .getText())
                .contains("plan item required");
        assertThat(browser.findElements(By.cssSelector("#criterion-consumer-awareness .criterion__problem")))
                .isEmpty();

        new Select(browser.findElement(By.id("plan-0-criterion"))).selectByValue("capacity");
        browser.findElement(By.id("plan-0-action")).sendKeys("Hire a data engineer");
        browser.findElement(By.id("plan-0-owner")).sendKeys("nora.network");
        WebElement target = browser.findElement(By.id("plan-0-target"));
        // A date field's typed format follows the browser's locale; the value it submits is always ISO 8601.
        browser.executeScript(
                "arguments[0].value = arguments[1];",
                target,
                LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
        clickAndWaitForPage(browser.findElement(By.id("submit-assessment")));

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("The assessment is submitted");
        assertThat(browser.findElement(By.cssSelector("#latest .verdict__label"))
                        .getText())
                .isEqualTo("Needs capability building");
        String latest = browser.findElement(By.id("latest")).getText();
        assertThat(latest).contains("submitted", "by nora.network", "Hire a data engineer");
        assertThat(browser.findElements(By.cssSelector(".history-table th[scope=col]")))
                .hasSize(2);

        // The council's heatmap shows the new row: the newest assessments first, the red cell red.
        clickAndWaitForPage(browser.findElement(By.cssSelector(".session button")));
        openAndWait("readiness?sort=assessed&capacity=red");
        Browser.signIn(browser, "carla.council", "council");
        WebElement row = browser.findElement(By.cssSelector("#heatmap tr[data-domain='" + domain + "']"));
        assertThat(row.findElement(By.cssSelector("td[data-criterion=capacity]"))
                        .getText())
                .isEqualTo("red");
        assertThat(row.findElement(By.cssSelector("td[data-criterion=consumer-awareness]"))
                        .getText())
                .isEqualTo("amber");
        assertThat(row.findElement(By.cssSelector("td[data-verdict]")).getText())
                .isEqualTo("Needs capability building");
        clickAndWaitForPage(browser.findElement(By.cssSelector(".session button")));
    }
}
