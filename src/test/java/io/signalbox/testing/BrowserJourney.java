package io.signalbox.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A test class whose tests drive one headless Chromium against the portal under test.
 *
 * <p>Whatever loads a new page goes through {@link #clickAndWaitForPage}, {@link #waitForNewPageAfter} or
 * {@link #openAndWait}, so that the next read happens on the new page and never on the one it replaced.
 */
public abstract class BrowserJourney {

    @TestHTTPResource("/")
    protected URL portal;

    protected static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    /**
     * Clicks a link or a submit button and returns once the page it loads is there (see
     * {@link Browser#waitForNewPageAfter}: a navigating click returns before the new page exists).
     */
    protected static void clickAndWaitForPage(WebElement target) {
        Browser.waitForNewPageAfter(browser, target::click, Browser.HEADING);
    }

    /** Does something else that loads a new page, such as pressing Enter in a form, and waits for that page. */
    protected static void waitForNewPageAfter(Runnable navigation) {
        Browser.waitForNewPageAfter(browser, navigation, Browser.HEADING);
    }

    /** Opens a path of the portal (or the login page it sends a stranger to) and waits until it has loaded. */
    protected void openAndWait(String path) {
        Browser.openAndWait(browser, portal + path, Browser.HEADING);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
