package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 A5: every time a page shows says its zone (UTC) and carries the instant in a {@code <time datetime>};
 * a date shows neither time nor zone; every time in a JSON answer is ISO 8601 with its offset ({@code Z}). The pages
 * are opened with data of every kind that has a time: publications, a measurement (standing and audit), a decision,
 * an ownership grant, rules and rule sets, search hits.
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class TimesOnPagesTest {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A time of day anywhere in a page's text; what follows it must be " UTC". */
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?<![\\d:])\\d{1,2}:\\d{2}(?![\\d])");
    /** A JSON text that starts like a date and time: it must be a whole instant with offset Z. */
    private static final Pattern LOOKS_LIKE_DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[T ]\\d.*");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AdjustableClock clock;

    /** One product in its own domain, published twice, measured, owned, with a term; and a decision on Service. */
    private record Catalog(String domain, Descriptors product, Instant refreshed, LocalDate decidedOn) {}

    private Catalog catalogWithEveryKindOfTime() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).title("Times probe " + System.nanoTime());
        product.publish().then().statusCode(201);
        product.version("1.1.0")
                .changelog("Second publication.")
                .publish()
                .then()
                .statusCode(201);
        Instant refreshed = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        given().contentType("application/json")
                // Sent with another offset: it is read as that instant and shown in UTC.
                .body(Map.of(
                        "lastRefreshedAt",
                        refreshed.atOffset(ZoneOffset.ofHours(2)).toString(),
                        "completeness",
                        Map.of("Service.service_id", 99.5)))
                .post("/api/products/" + product.key() + "/measurements")
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body(Map.of("definition", "A leased line between two sites.", "canonical", "Service"))
                .put("/api/domains/" + domain + "/glossary/circuit")
                .then()
                .statusCode(201);
        LocalDate decidedOn = LocalDate.of(2026, 11, 28);
        given().contentType("application/json")
                .body(Map.of(
                        "title", "Times probe " + domain,
                        "context", "Pages must say which clock their times are on.",
                        "decision", "Show UTC.",
                        "consequences", "None for the model.",
                        "status", "proposed",
                        "decidedOn", decidedOn.toString()))
                .post("/api/governance/entities/Service/decisions")
                .then()
                .statusCode(201);
        return new Catalog(domain, product, refreshed, decidedOn);
    }

    private static Document page(String path) {
        String html = given().accept("text/html")
                .get(path)
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        return Jsoup.parse(html);
    }

    /** The problems with the times on one page (empty when every one is right); counts its time elements. */
    private static List<String> timeProblems(String path, Document page, Map<String, Integer> counted) {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Element time : page.select("time")) {
            count++;
            String machine = time.attr("datetime");
            String shown = time.text();
            if (INSTANT.matcher(machine).matches()) {
                if (!shown.equals(Dates.utc(Instant.parse(machine)))) {
                    problems.add(path + ": <time datetime=\"" + machine + "\"> shows '" + shown
                            + "', not the instant in UTC with its zone");
                }
            } else if (DATE.matcher(machine).matches()) {
                if (!shown.equals(machine)) {
                    problems.add(path + ": the date " + machine + " shows as '" + shown + "'");
                }
            } else {
                problems.add(path + ": <time> without an ISO 8601 instant or date: " + time.outerHtml());
            }
        }
        counted.put(path, count);
        String text = page.body().text();
        Matcher clock = TIME_OF_DAY.matcher(text);
        while (clock.find()) {
            if (!text.startsWith(" UTC", clock.end())) {
                int from = Math.max(0, clock.start() - 40);
                int to = Math.min(text.length(), clock.end() + 40);
                problems.add(path + ": a time without its zone: …" + text.substring(from, to) + "…");
            }
        }
        return problems;
    }

    @Test
    void everyTimeOnEveryPageSaysUtcAndEveryDateShowsNoTime() {
        Catalog catalog = catalogWithEveryKindOfTime();
        String domain = catalog.domain();
        String key = catalog.product().key();
        String search = "/search?q=probe&domain=" + domain;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(page(search).select(".result")).hasSize(1));

        List<String> paths = List.of(
                "/",
                "/domains",
                "/domains/" + domain,
                "/domains/" + domain + "/owners",
                "/domains/" + domain + "/glossary",
                "/domains/" + domain + "/publish",
                "/products/" + key,
                "/products/" + key + "/versions/1.0.0",
                "/audit?domain=" + domain,
                "/governance/compliance",
                "/governance/rules",
                "/governance/entities",
                "/governance/entities/Service",
                search);
        Map<String, Integer> counted = new LinkedHashMap<>();
        Map<String, Document> pages = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            Document page = page(path);
            pages.put(path, page);
            problems.addAll(timeProblems(path, page, counted));
        }

        assertThat(problems).isEmpty();
        // The pages that show times really were checked with some (a page with none proves nothing).
        assertThat(counted).as("time elements per page").allSatisfy((path, count) -> {
            if (!path.equals("/domains")
                    && !path.contains("/glossary")
                    && !path.endsWith("/publish")
                    && !path.equals("/governance/entities")) {
                assertThat(count).as(path).isPositive();
            }
        });
        // The instants are the stored ones: the page's Published time is the API's publishedAt.
        String publishedAt = given().get("/api/products/" + key + "/versions/1.0.0")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("publishedAt");
        assertThat(pages.get("/products/" + key + "/versions/1.0.0").select("dt:contains(Published) + dd time"))
                .extracting(time -> time.attr("datetime"))
                .containsExactly(Dates.iso(Instant.parse(publishedAt)));
        // What the audit log stores for a measurement names the refresh time in the same form.
        assertThat(pages.get("/audit?domain=" + domain).text()).contains("refreshed " + Dates.utc(catalog.refreshed()));
        // A decision's day is a date: no time, no zone.
        assertThat(pages.get("/governance/entities/Service").select("time[datetime=" + catalog.decidedOn() + "]"))
                .extracting(Element::text)
                .contains(catalog.decidedOn().toString());
        // The trend's weeks are dates too.
        assertThat(pages.get("/governance/compliance").select(".trend th[scope=row] time"))
                .isNotEmpty()
                .allSatisfy(week -> assertThat(week.attr("datetime")).matches(DATE));
    }

    @Test
    void everyTimeInTheJsonApiIsIso8601WithOffsetZ() throws Exception {
        Catalog catalog = catalogWithEveryKindOfTime();
        String domain = catalog.domain();
        String key = catalog.product().key();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(given().queryParam("q", "probe")
                                .queryParam("domain", domain)
                                .get("/api/search")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("hits"))
                        .hasSize(1));

        List<String> paths = List.of(
                "/api/catalog",
                "/api/domains",
                "/api/domains/" + domain,
                "/api/domains/" + domain + "/owners",
                "/api/domains/" + domain + "/glossary",
                "/api/products?domain=" + domain,
                "/api/products/" + key,
                "/api/products/" + key + "/versions",
                "/api/products/" + key + "/versions/1.0.0",
                "/api/products/" + key + "/compliance",
                "/api/audit?domain=" + domain,
                "/api/governance/compliance",
                "/api/governance/rules",
                "/api/governance/rule-sets",
                "/api/governance/entities",
                "/api/governance/entities/Service",
                "/api/search?q=probe&domain=" + domain,
                "/api/search/status");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> instants = new LinkedHashMap<>();
        for (String path : paths) {
            String body = given().accept("application/json")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            int[] found = {0};
            walk(path, "$", JSON.readTree(body), problems, found);
            instants.put(path, found[0]);
        }

        assertThat(problems).isEmpty();
        assertThat(instants.get("/api/products/" + key)).isPositive();
        assertThat(instants.get("/api/audit?domain=" + domain)).isPositive();
        assertThat(instants.get("/api/products/" + key + "/compliance")).isPositive();
        assertThat(given().get("/api/products/" + key + "/compliance")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("lastMeasurement.lastRefreshedAt"))
                .as("the time sent with +02:00, answered in UTC")
                .isEqualTo(catalog.refreshed().toString());
        assertThat(instants.get("/api/governance/rules")).isPositive();
        assertThat(instants.get("/api/search?q=probe&domain=" + domain)).isPositive();
    }

    /**
     * Every text that starts like a date and time must be an instant with offset Z, and every field named like a time
     * ({@code …At}) must be such a text or null, never a number of (milli)seconds.
     */
    private static void walk(String path, String where, JsonNode node, List<String> problems, int[] instants) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                String at = where + "." + field.getKey();
                if (field.getKey().endsWith("At") && !value.isNull() && !value.isTextual()) {
                    problems.add(path + " " + at + " is not ISO 8601 text: " + value);
                }
                walk(path, at, value, problems, instants);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path, where + "[" + i + "]", node.get(i), problems, instants);
            }
        } else if (node.isTextual()
                && LOOKS_LIKE_DATE_TIME.matcher(node.asText()).matches()) {
            String text = node.asText();
            if (text.endsWith("Z") && text.contains("T")) {
                Instant.parse(text);
                instants[0]++;
            } else {
                problems.add(path + " " + where + " is a time without offset Z: " + text);
            }
        }
    }
}
