package io.signalbox.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs) for browser journeys.
 * Each browser gets a fresh profile so no cookie survives from one test to another.
 */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("signalbox.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("signalbox.chromedriver", "/usr/bin/chromedriver");

    /**
     * How long a page may take to arrive. Generous because other builds share this machine's two cores; every wait
     * below is for a condition and ends as soon as it holds, so a fast run never waits this long.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Every portal page and Keycloak's login page have one, and it is written with the page, not by a script. */
    static final By HEADING = By.tagName("h1");

    private Browser() {}

    public static ChromeDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("signalbox-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Signs in through Keycloak's own login form, as a person does, and waits for the portal to greet them. */
    public static void signIn(WebDriver browser, String username, String password) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement signIn = browser.findElement(By.id("kc-login"));
        waitForNewPageAfter(browser, signIn::click, By.cssSelector(".session__name"));
    }

    /**
     * Does something that loads a new document (clicks a link or a submit button, presses Enter in a form) and returns
     * only once that document has loaded and shows {@code landmark}.
     *
     * <p>WebDriver's click returns as soon as the click is dispatched, often before the browser has the next page, so
     * a read right after a navigating click reads the old page: it finds the old heading, or fails to find what only
     * the new page has. Hence: remember the current {@code <html>}, act, wait until that element is stale (the old
     * document is gone), then until the new document is complete and holds the landmark.
     */
    public static void waitForNewPageAfter(WebDriver browser, Runnable navigation, By landmark) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        navigation.run();
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(driver -> isGone(oldPage));
        waitUntilLoaded(wait, landmark);
    }

    /**
     * Whether an element's document has been replaced. Chromium reports it in two ways: the standard stale-element
     * error, or (while the old document is being torn down) an inspector error "Node with given id does not belong
     * to the document"; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Opens an address and waits until its page has loaded and shows {@code landmark}. */
    public static void openAndWait(WebDriver browser, String url, By landmark) {
        browser.get(url);
        waitUntilLoaded(new WebDriverWait(browser, PATIENCE), landmark);
    }

    private static void waitUntilLoaded(WebDriverWait wait, By landmark) {
        wait.until(
                driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        wait.until(ExpectedConditions.presenceOfElementLocated(landmark));
    }
}
