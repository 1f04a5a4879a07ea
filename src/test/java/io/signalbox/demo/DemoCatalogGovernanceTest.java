package io.signalbox.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorParser;
import io.signalbox.freshness.watch.FreshnessWatch;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog is what a newcomer sees first: every descriptor in it must pass the council's rules through the
 * same API a domain pipeline uses, in the order the demo publishes them, so that later versions are judged against
 * their real predecessors. The test reads the demo files itself and publishes them into fresh domains of its own (the
 * demo is loaded by the running portal, never by tests).
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
@SuppressWarnings("unchecked")
class DemoCatalogGovernanceTest {

    private static final Pattern DOMAIN_LINE = Pattern.compile("(?m)^domain:\\s*\"?([a-z][a-z0-9-]*)\"?\\s*$");
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*\"?([^\"\\s]+)\"?\\s*$");

    @Inject
    FreshnessWatch freshness;

    /** The demo's domain keys, each mapped to the fresh domain its products are published into. */
    private static Map<String, String> freshDomains;

    /** What went wrong while publishing the demo: empty when every descriptor passed and published. */
    private static List<String> refusals;

    private static synchronized void publishTheDemoIntoFreshDomains() throws IOException {
        if (freshDomains != null) {
            return;
        }
        Map<String, String> domains = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> lastVersionOf = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> files = demoFiles();
        assertThat(files).hasSizeGreaterThan(20);
        for (String file : files) {
            String yaml = inFreshDomains(resourceText("demo/" + file), domains, ids);

            Response dryRun = given().contentType("application/yaml")
                    .body(yaml.getBytes(StandardCharsets.UTF_8))
                    .post("/api/products/validate");
            if (dryRun.statusCode() != 200 || !dryRun.jsonPath().getBoolean("passes")) {
                problems.add(file + ": the dry run answered " + dryRun.statusCode() + " " + dryRun.asString());
                continue;
            }
            String key = dryRun.jsonPath().getString("product");
            String previous = lastVersionOf.get(key);
            String comparedWith = dryRun.jsonPath().getString("comparedWith");
            if (previous == null ? comparedWith != null : !previous.equals(comparedWith)) {
                problems.add(file + ": compared with " + comparedWith + ", expected " + previous);
            }

            Response published = given().contentType("application/yaml")
                    .body(yaml.getBytes(StandardCharsets.UTF_8))
                    .post("/api/products");
            if (published.statusCode() != 201) {
                problems.add(file + ": publishing answered " + published.statusCode() + " " + published.asString());
                continue;
            }
            lastVersionOf.put(key, dryRun.jsonPath().getString("version"));
        }
        freshDomains = domains;
        refusals = problems;
    }

    @Test
    void everyDemoDescriptorPassesTheRulesAndPublishesInOrder() throws IOException {
        publishTheDemoIntoFreshDomains();
        assertThat(refusals).isEmpty();
        assertThat(freshDomains).containsKeys("network", "product", "billing", "provisioning", "care");
        for (String domain : freshDomains.values()) {
            given().get("/api/domains/" + domain).then().statusCode(200).body("products", not(empty()));
        }
    }

    @Test
    void theDemoMeasurementsAreAcceptedForTheProductsTheyName() throws IOException {
        publishTheDemoIntoFreshDomains();
        List<Map<String, Object>> measurements = (List<Map<String, Object>>) DescriptorParser.parse(
                        resourceText("demo/measurements.yaml").getBytes(StandardCharsets.UTF_8), DescriptorFormat.YAML)
                .get(0)
                .get("measurements");
        assertThat(measurements).hasSizeGreaterThan(10);
        List<String> refused = new ArrayList<>();
        for (Map<String, Object> measurement : measurements) {
            String demoKey = (String) measurement.get("product");
            String demoDomain = demoKey.substring(0, demoKey.indexOf('.'));
            assertThat(freshDomains).as(demoKey).containsKey(demoDomain);
            String key = freshDomains.get(demoDomain) + demoKey.substring(demoKey.indexOf('.'));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put(
                    "lastRefreshedAt",
                    Instant.now()
                            .minus(Duration.ofHours(((Number) measurement.get("refreshedHoursAgo")).longValue()))
                            .toString());
            report.put("completeness", measurement.getOrDefault("completeness", Map.of()));
            Response answer =
                    given().contentType("application/json").body(report).post("/api/products/" + key + "/measurements");
            if (answer.statusCode() != 201) {
                refused.add(demoKey + ": " + answer.statusCode() + " " + answer.asString());
            }
        }
        assertThat(refused).isEmpty();

        // The demo's first look at freshness (DemoCatalog.watchFreshness): something at risk and something breached.
        freshness.runOnce();
        String network = freshDomains.get("network");
        assertThat(given().get("/api/sla/products?domain=" + network + "&size=200")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("items.find { it.key == '" + network + ".cell-site-registry' }.state"))
                .as("refreshed 20 h ago, daily")
                .isEqualTo("at_risk");
        assertThat(given().get("/api/sla?domain=" + freshDomains.get("product"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("breaches.longestOverdue.key"))
                .as("price plans and catalogue services, refreshed 30 h ago, daily")
                .contains(
                        freshDomains.get("product") + ".price-plans",
                        freshDomains.get("product") + ".catalogue-services");
    }

    /**
     * The descriptor with its domain replaced by a fresh one (registered on first use) and its product id by a fresh
     * one (the same for every version of a product), so that it can be published beside anything else.
     */
    private static String inFreshDomains(String yaml, Map<String, String> domains, Map<String, String> ids) {
        Matcher domain = DOMAIN_LINE.matcher(yaml);
        assertThat(domain.find())
                .as("a top-level domain in %s", yaml.lines().findFirst())
                .isTrue();
        String replaced = DOMAIN_LINE
                .matcher(yaml)
                .replaceAll(m -> "domain: " + domains.computeIfAbsent(m.group(1), k -> Descriptors.newDomain()));
        int contracts = replaced.indexOf("\n---");
        String product = contracts < 0 ? replaced : replaced.substring(0, contracts);
        assertThat(product).contains("kind: DataProduct");
        Matcher id = ID_LINE.matcher(product);
        assertThat(id.find()).as("the product's id").isTrue();
        String freshId = ids.computeIfAbsent(id.group(1), k -> UUID.randomUUID().toString());
        return replaced.substring(0, id.start()) + "id: " + freshId + replaced.substring(id.end());
    }

    private static List<String> demoFiles() throws IOException {
        return resourceText("demo/catalog.txt")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String resourceText(String path) throws IOException {
        try (InputStream in = DemoCatalogGovernanceTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
