package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static io.signalbox.testing.Descriptors.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.signalbox.testing.Browser;
import io.signalbox.testing.BrowserJourney;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Stored XSS: a domain owner (and an admin, for the domain) write hostile text into every free-text field a
 * descriptor and a domain accept; readers then open every page that shows it in a real browser, signed in through
 * the real login form. Each page must show the text as text and run none of it; the API must hand the text back
 * exactly as it was stored, because escaping belongs to rendering, not to storage.
 *
 * <p>The portal's Content-Security-Policy forbids inline scripts and event handlers, so {@code window.__xss} staying
 * unset proves little on its own: the checks below look at the DOM itself (no script, svg, injected img, on*
 * attribute or javascript: link), which holds whatever the CSP says.
 */
@QuarkusTest
class StoredXssBrowserTest extends BrowserJourney {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
    static final String SVG = "\"><svg onload=window.__xss=1>";
    static final String JS = "javascript:window.__xss=1";
    static final String MD_JS = "[x](javascript:window.__xss=1)";
    static final String QUOTE = "' onmouseover='window.__xss=1";
    static final String QUTE = "{inject:caller.name} {product.key}";
    static final String RAW_LINK = "<a href=\"javascript:window.__xss=1\">raw link</a>";
    /** Right-to-left override, Arabic, Hebrew, math letters, CJK, Hangul, Greek, combining marks, emoji ZWJ. */
    static final String RTL = "\u202Eexe.txt\u202C مرحبا بكم في فهرس البيانات — שלום לכולם בקטלוג הנתונים — "
            + "\uD835\uDCB0\uD835\uDCC3\uD835\uDCBE\uD835\uDCB8ℴ\uD835\uDCB9ℯ 日本語のテキスト 한국어 Ελληνικά — "
            + "Z\u0324\u0354\u0367a\u0308\u0356l\u036Eg\u030C\u0317o\u0319 \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB\uD83D\uDE80";
    /** Short enough for a tag or a column name, and the same in lower case (tags are lowercased). */
    static final String RTL_SHORT = "\u202Eשלום مرحبا 日本語 \uD83D\uDE80\u202C";

    static final String ALL = String.join(" ", SCRIPT, IMG, SVG, QUOTE, JS, QUTE);

    // Product fields.
    static final String TITLE = SCRIPT + " " + SVG + " " + QUTE;
    static final String PURPOSE = "# Purpose " + SCRIPT + "\n\n" + IMG + "\n\n" + SVG + " and " + QUOTE + "\n\n" + MD_JS
            + " <" + JS + ">\n\n" + RAW_LINK + " " + QUTE;
    static final String LIMITATIONS = RTL + "\n\n" + IMG + " " + QUOTE;
    static final String USAGE = MD_JS + " " + QUTE + "\n\n" + SCRIPT;
    static final List<String> TAGS = List.of(SCRIPT, IMG, SVG, QUOTE, JS, QUTE, RTL_SHORT);
    static final String TEAM_NAME = ALL;
    static final String OWNER_NAME = IMG + " " + QUOTE;
    static final String MEMBER_USERNAME = SVG;
    static final String MEMBER_NAME = RTL;
    static final String MEMBER_ROLE = QUOTE + " " + QUTE;
    static final String CHANNEL = SVG + " " + SCRIPT;
    static final String SUPPORT_URL = "https://example.com/help?q=\"><svg onload=window.__xss=1>&r=" + QUOTE;
    static final String TOOL = SCRIPT;
    static final String PORT_NAME = SCRIPT + " " + QUOTE;
    static final String PORT_DESCRIPTION = ALL;
    static final String PORT_LOCATION = JS + " " + IMG;
    static final String INPUT_NAME = IMG + " " + SVG;
    static final String INPUT_VERSION = SVG;
    static final String CONSUMER_TEAM = SVG + " " + QUTE;
    static final String CONSUMER_PURPOSE = ALL;
    static final String CONSUMER_CONTACT = JS + " " + QUOTE;
    static final String OBJECT_NAME = SVG;
    static final List<String> COLUMNS = List.of(SCRIPT, IMG, SVG, QUOTE, JS, QUTE, RTL_SHORT);
    static final List<String> PHYSICAL_TYPES = List.of(IMG, SVG, QUOTE, JS, QUTE, SCRIPT, RTL_SHORT);
    static final String FRESHNESS = SCRIPT;
    static final String FRESHNESS_UNIT = QUOTE;
    static final String AVAILABILITY = IMG;
    static final String CHANGELOG_1 = "Initial " + SCRIPT + "\n\n" + IMG + " " + QUTE;
    static final String CHANGELOG_2 = "Adds " + SVG + "\n\n" + MD_JS + " " + QUOTE + "\n\n" + RAW_LINK;

    // Domain fields, set by an admin through PUT /api/domains/{key}.
    static final String DOMAIN_NAME = IMG + " " + QUOTE + " " + QUTE;
    static final String DOMAIN_DESCRIPTION =
            "# " + SVG + "\n\n" + SCRIPT + "\n\n" + MD_JS + " " + QUOTE + " " + QUTE + "\n\n" + RTL;
    static final String BUSINESS_OWNER = SCRIPT + " <owner@example.com>";
    static final String TECHNICAL_CONTACT = SVG + " " + JS;

    private static String domain;
    private static String productKey;
    private static String yamlOfFirstVersion;

    /** One hostile domain with one hostile product in two versions, shared by both tests. */
    @BeforeEach
    void publishHostileProductOnce() throws JsonProcessingException {
        if (productKey != null) {
            return;
        }
        String admin = Tokens.accessToken("adam.admin", "admin");
        String newDomain = Descriptors.newDomainWithToken(admin, "nora.network");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", DOMAIN_NAME);
        fields.put("description", DOMAIN_DESCRIPTION);
        fields.put("businessOwner", BUSINESS_OWNER);
        fields.put("technicalContact", TECHNICAL_CONTACT);
        given().auth()
                .oauth2(admin)
                .contentType("application/json; charset=utf-8")
                .body(new ObjectMapper().writeValueAsBytes(fields))
                .put("/api/domains/" + newDomain)
                .then()
                .statusCode(200);

        String owner = Tokens.accessToken("nora.network", "network");
        String slug = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String externalId = UUID.randomUUID().toString();
        String first = descriptor(newDomain, slug, externalId, "1.0.0", CHANGELOG_1);
        publish(owner, first);
        publish(owner, descriptor(newDomain, slug, externalId, "1.1.0", CHANGELOG_2));
        domain = newDomain;
        yamlOfFirstVersion = first;
        productKey = newDomain + "." + slug;
    }

    @Test
    void theApiGivesEveryPayloadBackExactlyAsItWasPublished() {
        String token = Tokens.accessToken("rita.reader", "reader");
        JsonPath product = given().auth()
                .oauth2(token)
                .get("/api/products/" + productKey)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(product.getString("domainName")).isEqualTo(DOMAIN_NAME);
        softly.assertThat(product.getString("currentVersion")).isEqualTo("1.1.0");
        assertVersionFields(softly, product, "version.");
        softly.assertThat(product.getString("version.changelog")).isEqualTo(CHANGELOG_2);
        softly.assertThat(product.getList("versions.changelog", String.class))
                .containsExactlyInAnyOrder(CHANGELOG_1, CHANGELOG_2);

        JsonPath older = given().auth()
                .oauth2(token)
                .get("/api/products/" + productKey + "/versions/1.0.0")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertVersionFields(softly, older, "");
        softly.assertThat(older.getString("changelog")).isEqualTo(CHANGELOG_1);

        JsonPath domainView = given().auth()
                .oauth2(token)
                .get("/api/domains/" + domain)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        softly.assertThat(domainView.getString("name")).isEqualTo(DOMAIN_NAME);
        softly.assertThat(domainView.getString("description")).isEqualTo(DOMAIN_DESCRIPTION);
        softly.assertThat(domainView.getString("businessOwner")).isEqualTo(BUSINESS_OWNER);
        softly.assertThat(domainView.getString("technicalContact")).isEqualTo(TECHNICAL_CONTACT);
        softly.assertThat(domainView.getList("recentlyPublished.title")).containsExactly(TITLE);
        softly.assertThat(domainView.getList("recentlyPublished.ownerName")).containsExactly(OWNER_NAME);

        // The descriptor as published is handed back byte for byte, as YAML: never as a page a browser would render.
        String descriptor = given().auth()
                .oauth2(token)
                .get("/api/products/" + productKey + "/versions/1.0.0/descriptor")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asString();
        softly.assertThat(descriptor).isEqualTo(yamlOfFirstVersion);
        softly.assertAll();
    }

    private static void assertVersionFields(SoftAssertions softly, JsonPath json, String at) {
        softly.assertThat(json.getString(at + "title")).isEqualTo(TITLE);
        softly.assertThat(json.getString(at + "purpose")).isEqualTo(PURPOSE);
        softly.assertThat(json.getString(at + "limitations")).isEqualTo(LIMITATIONS);
        softly.assertThat(json.getString(at + "usage")).isEqualTo(USAGE);
        softly.assertThat(json.getList(at + "tags", String.class))
                .as("tags are lowercased, and these payloads are lower case already")
                .containsExactlyElementsOf(
                        TAGS.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList())
                .containsExactlyElementsOf(TAGS);
        softly.assertThat(json.getString(at + "teamName")).isEqualTo(TEAM_NAME);
        softly.assertThat(json.getString(at + "owner.name")).isEqualTo(OWNER_NAME);
        softly.assertThat(json.getList(at + "team.name", String.class)).containsExactly(OWNER_NAME, MEMBER_NAME);
        softly.assertThat(json.getList(at + "team.username", String.class))
                .containsExactly("ana.costa@example.com", MEMBER_USERNAME);
        softly.assertThat(json.getList(at + "team.role", String.class)).containsExactly("owner", MEMBER_ROLE);
        softly.assertThat(json.getString(at + "support[0].channel")).isEqualTo(CHANNEL);
        softly.assertThat(json.getString(at + "support[0].url")).isEqualTo(SUPPORT_URL);
        softly.assertThat(json.getString(at + "support[0].tool")).isEqualTo(TOOL);
        softly.assertThat(json.getString(at + "outputPorts[0].name")).isEqualTo(PORT_NAME);
        softly.assertThat(json.getString(at + "outputPorts[0].description")).isEqualTo(PORT_DESCRIPTION);
        softly.assertThat(json.getString(at + "outputPorts[0].location")).isEqualTo(PORT_LOCATION);
        softly.assertThat(json.getString(at + "inputPorts[0].name")).isEqualTo(INPUT_NAME);
        softly.assertThat(json.getString(at + "inputPorts[0].version")).isEqualTo(INPUT_VERSION);
        softly.assertThat(json.getString(at + "consumers[0].team")).isEqualTo(CONSUMER_TEAM);
        softly.assertThat(json.getString(at + "consumers[0].purpose")).isEqualTo(CONSUMER_PURPOSE);
        softly.assertThat(json.getString(at + "consumers[0].contact")).isEqualTo(CONSUMER_CONTACT);
        softly.assertThat(json.getString(at + "schema[0].name")).isEqualTo(OBJECT_NAME);
        softly.assertThat(json.getList(at + "schema[0].columns.name", String.class))
                .containsExactlyElementsOf(COLUMNS);
        softly.assertThat(json.getList(at + "schema[0].columns.physicalType", String.class))
                .containsExactlyElementsOf(PHYSICAL_TYPES);
        softly.assertThat(json.getList(at + "schema[0].columns.description", String.class))
                .containsExactlyElementsOf(COLUMNS.stream()
                        .map(StoredXssBrowserTest::columnDescription)
                        .toList());
        softly.assertThat(json.getList(at + "schema[0].columns.accessNote", String.class))
                .containsExactlyElementsOf(
                        COLUMNS.stream().map(StoredXssBrowserTest::accessNote).toList());
        softly.assertThat(json.getString(at + "sla.freshness")).isEqualTo(FRESHNESS + " " + FRESHNESS_UNIT);
        softly.assertThat(json.getString(at + "sla.availability")).isEqualTo(AVAILABILITY);
    }

    @Test
    void everyPageShowsThePayloadsAsTextAndRunsNoneOfThem() {
        SoftAssertions softly = new SoftAssertions();

        openAndWait("");
        Browser.signIn(browser, "rita.reader", "reader");

        // Home: the domain card and the product in both lists.
        assertSafe(softly, "home");
        softly.assertThat(texts("a[href='/domains/" + domain + "']")).containsExactly(DOMAIN_NAME);
        softly.assertThat(texts("a[href='/products/" + productKey + "']"))
                .as("recently changed")
                .containsExactly(TITLE);
        softly.assertThat(texts("a[href='/products/" + productKey + "/versions/1.1.0']"))
                .as("recently published")
                .containsExactly(TITLE);

        // Domain list.
        openAndWait("domains");
        assertSafe(softly, "domain list");
        softly.assertThat(texts("a[href='/domains/" + domain + "']")).containsExactly(DOMAIN_NAME);

        // Domain page.
        openAndWait("domains/" + domain);
        assertSafe(softly, "domain page");
        softly.assertThat(browser.getTitle()).isEqualTo(DOMAIN_NAME + " · Signalbox");
        softly.assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo(DOMAIN_NAME);
        softly.assertThat(text(".breadcrumbs [aria-current=page]")).isEqualTo(DOMAIN_NAME);
        softly.assertThat(text("section.prose"))
                .contains(SVG, SCRIPT, QUOTE + " " + QUTE, RTL)
                .doesNotContain("rita.reader");
        softly.assertThat(texts(".facts dd")).startsWith(BUSINESS_OWNER, TECHNICAL_CONTACT);
        softly.assertThat(texts("#recent-heading + table a[href='/products/" + productKey + "']"))
                .containsExactly(TITLE);
        softly.assertThat(texts("tbody tr td:nth-child(5)")).containsExactly(OWNER_NAME);

        // The product page, current version.
        openAndWait("products/" + productKey);
        assertSafe(softly, "product page");
        assertProductPage(softly, "1.1.0");

        // An older version.
        clickAndWaitForPage(browser.findElement(By.linkText("View version 1.0.0")));
        assertSafe(softly, "older version");
        softly.assertThat(text(".notice")).contains("You are viewing version 1.0.0");
        assertProductPage(softly, "1.0.0");

        // Error pages echo the address they could not find: reflected, not stored, but the same escaping.
        openAndWait("domains/" + encodePath(IMG));
        assertSafe(softly, "unknown domain");
        softly.assertThat(text(".error-page .lead")).isEqualTo("No domain '" + IMG + "' is registered.");
        openAndWait("products/" + productKey + "/versions/" + encodePath(SVG + " " + QUOTE));
        assertSafe(softly, "unknown version");
        softly.assertThat(text(".error-page .lead"))
                .isEqualTo("Data product " + productKey + " has no version '" + SVG + " " + QUOTE + "'.");

        // The audit log is for admins: sign out, sign in again as adam.admin.
        clickAndWaitForPage(browser.findElement(By.cssSelector(".session button")));
        openAndWait("audit?domain=" + domain);
        Browser.signIn(browser, "adam.admin", "admin");
        assertSafe(softly, "audit log");
        WebElement update = browser.findElement(By.xpath("//tbody/tr[.//code[text()='domain.updated']]"));
        List<String> cells = update.findElements(By.cssSelector("td")).stream()
                .map(StoredXssBrowserTest::text)
                .toList();
        softly.assertThat(cells.get(1)).isEqualTo("adam.admin");
        softly.assertThat(cells.get(4)).startsWith("name: Domain " + domain + ";");
        softly.assertThat(cells.get(5))
                .startsWith("name: " + DOMAIN_NAME + "; business owner: " + BUSINESS_OWNER + "; technical contact: "
                        + TECHNICAL_CONTACT + "; description: # " + SVG);

        // Filters are echoed into the form's inputs: reflected, not stored, but the same escaping.
        openAndWait("audit?actor=" + encode(SVG) + "&subject=" + encode(QUOTE) + "&domain=" + encode(SCRIPT));
        assertSafe(softly, "audit log with hostile filters");
        softly.assertThat(browser.findElement(By.name("actor")).getDomProperty("value"))
                .isEqualTo(SVG);
        softly.assertThat(browser.findElement(By.name("subject")).getDomProperty("value"))
                .isEqualTo(QUOTE);
        softly.assertThat(browser.findElement(By.name("domain")).getDomProperty("value"))
                .isEqualTo(SCRIPT);

        softly.assertAll();
    }

    private void assertProductPage(SoftAssertions softly, String version) {
        softly.assertThat(browser.getTitle()).isEqualTo(TITLE + " · Signalbox");
        softly.assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo(TITLE);
        softly.assertThat(text(".breadcrumbs [aria-current=page]")).isEqualTo(TITLE);
        softly.assertThat(texts(".breadcrumbs a")).contains(DOMAIN_NAME);
        softly.assertThat(text(".product-header__meta"))
                .isEqualTo(productKey + " · version " + version + " · " + DOMAIN_NAME);
        softly.assertThat(texts(".badges .tag")).containsExactlyElementsOf(TAGS);

        String prose = text("#overview .prose");
        softly.assertThat(prose)
                .as("purpose, limitations and usage (Markdown)")
                .contains("Purpose " + SCRIPT, IMG, SVG + " and " + QUOTE, "x " + JS, RAW_LINK + " " + QUTE)
                .contains(RTL, IMG + " " + QUOTE)
                .contains("x " + QUTE, SCRIPT)
                .doesNotContain("rita.reader");
        softly.assertThat(browser.findElements(By.cssSelector("#overview .prose a")))
                .as("Markdown links to javascript: keep their text and lose their target")
                .hasSize(3)
                .allSatisfy(link -> assertThat(link.getDomAttribute("href")).isEmpty());

        List<String> facts = texts("#overview .facts dd");
        softly.assertThat(facts.get(0)).isEqualTo(OWNER_NAME + "ana.costa@example.com");
        softly.assertThat(facts.get(1)).isEqualTo(CHANNEL + " (" + TOOL + ")");
        softly.assertThat(facts.get(2)).isEqualTo(TEAM_NAME);
        softly.assertThat(facts.get(3)).isEqualTo(FRESHNESS + " " + FRESHNESS_UNIT);
        softly.assertThat(facts.get(4)).isEqualTo(AVAILABILITY);
        WebElement support = browser.findElement(By.cssSelector("#overview .facts a[href^='https:']"));
        softly.assertThat(support.getDomAttribute("href")).isEqualTo(SUPPORT_URL);
        softly.assertThat(text(support)).isEqualTo(CHANNEL);

        WebElement port = browser.findElement(By.xpath("//section[@id='overview']//table//tbody/tr"));
        List<WebElement> portCells = port.findElements(By.cssSelector("td"));
        softly.assertThat(text(portCells.get(0))).isEqualTo(PORT_NAME + PORT_DESCRIPTION);
        softly.assertThat(text(portCells.get(0).findElement(By.cssSelector(".muted"))))
                .isEqualTo(PORT_DESCRIPTION);
        softly.assertThat(text(portCells.get(2))).isEqualTo(PORT_LOCATION);
        softly.assertThat(texts(".lineage li")).containsExactly(INPUT_NAME + " v" + INPUT_VERSION);
        softly.assertThat(texts(".people li"))
                .containsExactly(
                        OWNER_NAME + " · owner · ana.costa@example.com",
                        MEMBER_NAME + " · " + MEMBER_ROLE + " · " + MEMBER_USERNAME);

        softly.assertThat(texts("#consumers tbody td"))
                .containsExactly(CONSUMER_TEAM, "billing", CONSUMER_PURPOSE, CONSUMER_CONTACT);

        softly.assertThat(texts("#schema h3.schema-object code")).containsExactly(OBJECT_NAME);
        softly.assertThat(texts("#schema caption")).containsExactly("Columns of " + OBJECT_NAME);
        softly.assertThat(texts("#schema th[scope=row] code")).containsExactlyElementsOf(COLUMNS);
        softly.assertThat(texts("#schema tbody td:nth-child(2) .muted")).containsExactlyElementsOf(PHYSICAL_TYPES);
        softly.assertThat(texts("#schema td.cell-prose"))
                .containsExactlyElementsOf(COLUMNS.stream().map(c -> "x " + c).toList());
        softly.assertThat(texts("#classification tbody td:first-child code")).containsExactlyElementsOf(COLUMNS);
        softly.assertThat(texts("#classification tbody td:nth-child(3)"))
                .containsExactlyElementsOf(
                        COLUMNS.stream().map(StoredXssBrowserTest::accessNote).toList());

        List<String> changelogs = texts("#changelog .prose");
        softly.assertThat(changelogs)
                .as("newest first")
                .containsExactly(
                        "Adds " + SVG + " x " + QUOTE + " " + RAW_LINK, "Initial " + SCRIPT + " " + IMG + " " + QUTE);
    }

    /**
     * Nothing a payload carries became markup: no script ran, and the page holds no script but Signalbox's own search
     * suggestions, no svg or frame, no img but the brand logo, no on* attribute and no javascript:/data: target.
     */
    private static void assertSafe(SoftAssertions softly, String page) {
        softly.assertThat(browser.findElements(By.cssSelector(".session__name")))
                .as("%s: signed in, not the login form", page)
                .hasSize(1);
        JavascriptExecutor js = browser;
        softly.assertThat(js.executeScript("return window.__xss"))
                .as("%s: window.__xss", page)
                .isNull();
        softly.assertThat(outerHtml("script:not([src='/ui/search.js'])"))
                .as("%s: script elements", page)
                .isEmpty();
        softly.assertThat(outerHtml("svg")).as("%s: svg elements", page).isEmpty();
        softly.assertThat(outerHtml("iframe, frame, object, embed, base, meta[http-equiv]"))
                .as("%s: frames, objects, base, meta refresh", page)
                .isEmpty();
        softly.assertThat(outerHtml("img:not(.brand img)"))
                .as("%s: img elements besides the logo", page)
                .isEmpty();
        softly.assertThat(outerHtml("a[href^='javascript' i], a[href*='javascript:' i]"))
                .as("%s: javascript: links", page)
                .isEmpty();
        @SuppressWarnings("unchecked")
        List<String> handlers = (List<String>) js.executeScript("""
                const found = [];
                for (const element of document.querySelectorAll('*')) {
                  for (const attribute of element.attributes) {
                    if (/^on/i.test(attribute.name)) found.push(element.outerHTML.slice(0, 200));
                    if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name.toLowerCase())
                        && /^\\s*(javascript|data|vbscript):/i.test(attribute.value)) found.push(element.outerHTML.slice(0, 200));
                  }
                }
                return found;
                """);
        softly.assertThat(handlers)
                .as("%s: event-handler attributes and script URLs", page)
                .isEmpty();
    }

    private static List<String> outerHtml(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(e -> e.getDomProperty("outerHTML"))
                .toList();
    }

    /** The text of the element as the DOM holds it, whitespace collapsed: hidden or scrolled away, it is still there. */
    private static String text(WebElement element) {
        String content = element.getDomProperty("textContent");
        return content == null ? "" : content.replaceAll("[ \\t\\r\\n]+", " ").strip();
    }

    private static String text(String css) {
        return text(browser.findElement(By.cssSelector(css)));
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(StoredXssBrowserTest::text)
                .toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String columnDescription(String column) {
        // Starting with a link keeps "<script>" from opening a Markdown HTML block, so the link is parsed too.
        return MD_JS + " " + column;
    }

    private static String accessNote(String column) {
        return "Access note for " + column + " " + ALL;
    }

    private static void publish(String token, String yaml) {
        given().auth()
                .oauth2(token)
                .contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(201);
    }

    /** A descriptor whose free-text fields all carry payloads; keys, e-mails, links and enums stay well-formed. */
    private static String descriptor(String domain, String slug, String externalId, String version, String changelog) {
        String contract = slug + "-contract";
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: v1.0.0\nkind: DataProduct\n");
        y.append("id: ").append(externalId).append('\n');
        y.append("name: ").append(quote(TITLE)).append('\n');
        y.append("domain: ").append(domain).append('\n');
        y.append("status: active\n");
        y.append("version: ").append(quote(version)).append('\n');
        y.append("description:\n");
        y.append("  purpose: ").append(quote(PURPOSE)).append('\n');
        y.append("  limitations: ").append(quote(LIMITATIONS)).append('\n');
        y.append("  usage: ").append(quote(USAGE)).append('\n');
        y.append("tags:\n");
        TAGS.forEach(tag -> y.append("  - ").append(quote(tag)).append('\n'));
        y.append("team:\n  name: ").append(quote(TEAM_NAME)).append("\n  members:\n");
        y.append("    - username: ana.costa@example.com\n      name: ")
                .append(quote(OWNER_NAME))
                .append("\n      role: owner\n");
        y.append("    - username: ").append(quote(MEMBER_USERNAME)).append('\n');
        y.append("      name: ").append(quote(MEMBER_NAME)).append('\n');
        y.append("      role: ").append(quote(MEMBER_ROLE)).append('\n');
        y.append("support:\n  - channel: ").append(quote(CHANNEL)).append('\n');
        y.append("    url: ").append(quote(SUPPORT_URL)).append('\n');
        y.append("    tool: ").append(quote(TOOL)).append('\n');
        y.append("outputPorts:\n  - name: ").append(quote(PORT_NAME)).append('\n');
        y.append("    description: ").append(quote(PORT_DESCRIPTION)).append('\n');
        y.append("    type: table\n    version: ").append(quote(version)).append('\n');
        y.append("    contractId: ").append(contract).append('\n');
        y.append("    customProperties:\n      - property: location\n        value: ")
                .append(quote(PORT_LOCATION))
                .append('\n');
        y.append("inputPorts:\n  - name: ").append(quote(INPUT_NAME)).append('\n');
        y.append("    version: ").append(quote(INPUT_VERSION)).append('\n');
        y.append("customProperties:\n");
        y.append("  - property: slug\n    value: ").append(slug).append('\n');
        y.append("  - property: classification\n    value: internal\n");
        y.append("  - property: changelog\n    value: ")
                .append(quote(changelog))
                .append('\n');
        y.append("  - property: consumers\n    value:\n");
        y.append("      - team: ").append(quote(CONSUMER_TEAM)).append('\n');
        y.append("        domain: billing\n");
        y.append("        purpose: ").append(quote(CONSUMER_PURPOSE)).append('\n');
        y.append("        contact: ").append(quote(CONSUMER_CONTACT)).append('\n');
        y.append("---\napiVersion: v3.0.2\nkind: DataContract\n");
        y.append("id: ").append(contract).append('\n');
        y.append("version: ").append(quote(version)).append('\n');
        y.append("status: active\nschema:\n");
        y.append("  - name: ").append(quote(OBJECT_NAME)).append("\n    physicalType: table\n    properties:\n");
        List<String> physicalTypes = new ArrayList<>(PHYSICAL_TYPES);
        for (String column : COLUMNS) {
            y.append("      - name: ").append(quote(column)).append('\n');
            y.append("        logicalType: string\n");
            y.append("        physicalType: ")
                    .append(quote(physicalTypes.remove(0)))
                    .append('\n');
            y.append("        classification: confidential\n");
            y.append("        description: ")
                    .append(quote(columnDescription(column)))
                    .append('\n');
            y.append("        customProperties:\n");
            y.append("          - property: pii\n            value: true\n");
            y.append("          - property: accessNote\n            value: ")
                    .append(quote(accessNote(column)))
                    .append('\n');
        }
        y.append("slaProperties:\n");
        y.append("  - property: freshness\n    value: ")
                .append(quote(FRESHNESS))
                .append('\n');
        y.append("    unit: ").append(quote(FRESHNESS_UNIT)).append('\n');
        y.append("  - property: availability\n    value: ")
                .append(quote(AVAILABILITY))
                .append('\n');
        return y.toString();
    }
}
