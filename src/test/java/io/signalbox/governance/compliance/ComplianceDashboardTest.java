package io.signalbox.governance.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.signalbox.testing.Descriptors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The council's compliance dashboard: per domain, per rule, the trend, what to fix first, untagged columns. */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class ComplianceDashboardTest {

    private static JsonPath dashboard() {
        return given().get("/api/governance/compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void measure(Descriptors product, double completeness) {
        given().contentType("application/json")
                .body(Map.of(
                        "lastRefreshedAt", Instant.now().toString(),
                        "completeness", Map.of("Service.service_id", completeness)))
                .post("/api/products/" + product.key() + "/measurements")
                .then()
                .statusCode(201);
    }

    @Test
    void domainsRulesTrendAndWhatToFixFirst() {
        String domain = Descriptors.newDomain();
        Descriptors widelyUsed = Descriptors.product(domain).slug("widely-used");
        for (int i = 0; i < 40; i++) {
            widelyUsed.consumer("Team " + i, "billing", "Reads it for report " + i);
        }
        widelyUsed.publish().then().statusCode(201);
        measure(widelyUsed, 95);
        Descriptors healthy = Descriptors.product(domain).slug("healthy");
        healthy.publish().then().statusCode(201);
        measure(healthy, 100);
        Descriptors unmeasured = Descriptors.product(domain).slug("unmeasured");
        unmeasured.publish().then().statusCode(201);

        JsonPath dashboard = dashboard();
        Map<String, Object> row = dashboard.getList("domains", Map.class).stream()
                .filter(d -> domain.equals(d.get("key")))
                .findFirst()
                .orElseThrow();
        assertThat((Map<String, Object>) row.get("counts"))
                .containsEntry("passing", 1)
                .containsEntry("warning", 2)
                .containsEntry("failing", 0);

        Map<String, Object> completeness = dashboard.getList("rules", Map.class).stream()
                .filter(r -> "canonical-completeness".equals(r.get("rule")))
                .findFirst()
                .orElseThrow();
        assertThat(((Number) completeness.get("warning")).intValue()).isGreaterThanOrEqualTo(2);

        List<Map<String, Object>> fixFirst = dashboard.getList("fixFirst.items");
        List<String> keys =
                fixFirst.stream().map(f -> (String) f.get("productKey")).toList();
        assertThat(keys).contains(widelyUsed.key());
        Map<String, Object> first = fixFirst.get(keys.indexOf(widelyUsed.key()));
        assertThat(first.get("problem")).asString().contains("95 %");
        assertThat(fixFirst.stream()
                        .filter(f -> "warning".equals(f.get("status")))
                        .findFirst()
                        .orElseThrow()
                        .get("productKey"))
                .as("among warnings, the product with the most consumers comes first")
                .isEqualTo(widelyUsed.key());

        List<Map<String, Object>> trend = dashboard.getList("trend");
        assertThat(trend).hasSize(12);
        Map<String, Object> thisWeek = (Map<String, Object>) trend.get(11).get("counts");
        assertThat(((Number) thisWeek.get("passing")).intValue()).isPositive();
        assertThat(((Number) thisWeek.get("warning")).intValue()).isGreaterThanOrEqualTo(2);

        Document page = Jsoup.parse(given().get("/governance/compliance")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#by-domain tr[data-domain=" + domain + "]").text())
                .contains("Domain " + domain);
        assertThat(page.select("#fix-first a[href=/products/" + widelyUsed.key() + "#governance]"))
                .hasSize(1);
        assertThat(page.select("#by-rule tr[data-rule=canonical-completeness]")).hasSize(1);
    }

    @Test
    void untaggedColumnsAreReportedToTheCouncil() {
        long before = dashboard().getLong("untaggedProducts");
        int lock = given().get("/api/governance/rules/columns-classified")
                .then()
                .extract()
                .path("lockVersion");
        given().contentType("application/json")
                .body(Map.of("severity", "warning", "parameters", Map.of(), "lockVersion", lock))
                .put("/api/governance/rules/columns-classified")
                .then()
                .statusCode(200);
        try {
            Descriptors.product(Descriptors.newDomain())
                    .column("mystery_flag", "boolean", false, null, false, null, "Set by the old system")
                    .publish()
                    .then()
                    .statusCode(201);
        } finally {
            int now = given().get("/api/governance/rules/columns-classified")
                    .then()
                    .extract()
                    .path("lockVersion");
            given().contentType("application/json")
                    .body(Map.of("severity", "blocking", "parameters", Map.of(), "lockVersion", now))
                    .put("/api/governance/rules/columns-classified")
                    .then()
                    .statusCode(200);
        }
        assertThat(dashboard().getLong("untaggedProducts")).isEqualTo(before + 1);
        assertThat(given().get("/governance/compliance").asString()).contains("Untagged columns");
    }
}
