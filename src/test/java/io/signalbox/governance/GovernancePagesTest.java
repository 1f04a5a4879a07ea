package io.signalbox.governance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The rules page (the council edits there) and the canonical entity pages. */
@QuarkusTest
class GovernancePagesTest {

    private static Document page(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    private static JsonPath rule(String id) {
        return given().get("/api/governance/rules/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int latestRuleSet() {
        return given().get("/api/governance/rule-sets")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].version");
    }

    private static List<String> decisionTitles(String entity) {
        return given().get("/api/governance/entities/" + entity)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("decisions.title", String.class);
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void theRulesPageListsEveryStatementAndOffersNoFormToReaders() {
        Document rules = page("/governance/rules");
        assertThat(rules.select("section.rule")).hasSize(11);
        assertThat(rules.select("#rule-personal-data-protected .rule__statement")
                        .text())
                .contains("confidential or restricted");
        assertThat(rules.select("#rule-personal-data-protected").text()).contains("classifications");
        assertThat(rules.select("form[action^=/governance/rules/]")).isEmpty();
        assertThat(rules.text()).contains("Rule-set versions");
    }

    @Test
    @TestSecurity(user = "carla.council", roles = "council")
    void aCouncilMemberChangesASeverityFromThePage() {
        Response opened = given().get("/governance/rules");
        Document rules = Jsoup.parse(opened.asString());
        String form = "form[action=/governance/rules/freshness-declared]";
        String token = rules.select(form + " input[name=csrf-token]").attr("value");
        String lock = rules.select(form + " input[name=lockVersion]").attr("value");
        assertThat(token).isNotBlank();
        String cookie = opened.getCookie("signalbox-form");

        // Without the token nothing changes.
        given().cookie("signalbox-form", cookie)
                .formParam("severity", "blocking")
                .formParam("lockVersion", lock)
                .redirects()
                .follow(false)
                .post("/governance/rules/freshness-declared")
                .then()
                .statusCode(403);

        try {
            given().cookie("signalbox-form", cookie)
                    .formParam("csrf-token", token)
                    .formParam("severity", "blocking")
                    .formParam("lockVersion", lock)
                    .redirects()
                    .follow(false)
                    .post("/governance/rules/freshness-declared")
                    .then()
                    .statusCode(303);
            Document after = page("/governance/rules?changed=freshness-declared");
            assertThat(after.select("#rule-freshness-declared .badge--blocking"))
                    .hasSize(1);
            assertThat(after.select(".notice--ok").text()).contains("freshness-declared");

            // The same stale form again: refused on the page, with the reason, nothing changed.
            Response stale = given().cookie("signalbox-form", cookie)
                    .formParam("csrf-token", token)
                    .formParam("severity", "warning")
                    .formParam("lockVersion", lock)
                    .post("/governance/rules/freshness-declared");
            stale.then().statusCode(409);
            assertThat(Jsoup.parse(stale.asString())
                            .select("#rule-freshness-declared [role=alert]")
                            .text())
                    .contains("changed by someone else");
        } finally {
            int current = given().get("/api/governance/rules/freshness-declared")
                    .then()
                    .extract()
                    .path("lockVersion");
            given().contentType("application/json")
                    .body("{\"severity\":\"warning\",\"parameters\":{},\"lockVersion\":" + current + "}")
                    .put("/api/governance/rules/freshness-declared")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anAdminWhoIsNotOnTheCouncilCannotChangeARuleFromThePage() {
        JsonPath before = rule("freshness-declared");
        int ruleSetBefore = latestRuleSet();
        // The rules page shows no form to a non-member; the publish page gives this person a valid token.
        FormSession session = FormSession.openedAt("/domains/" + Descriptors.newDomain() + "/publish");

        FormSession.assertRefusedByRoleCheck(
                session.post(
                        "/governance/rules/freshness-declared",
                        Map.of(
                                "severity",
                                "warning".equals(before.getString("severity")) ? "blocking" : "warning",
                                "lockVersion",
                                before.getString("lockVersion"))),
                "Only members of the governance council may change the governance rules");

        JsonPath after = rule("freshness-declared");
        assertThat(after.getString("severity")).isEqualTo(before.getString("severity"));
        assertThat(after.getInt("lockVersion")).isEqualTo(before.getInt("lockVersion"));
        assertThat(latestRuleSet()).as("no new rule-set version").isEqualTo(ruleSetBefore);
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anAdminWhoIsNotOnTheCouncilCannotRecordADecisionFromTheEntityPage() {
        List<String> before = decisionTitles("Order");
        FormSession session = FormSession.openedAt("/domains/" + Descriptors.newDomain() + "/publish");
        String title = "Orders are renamed purchases " + System.nanoTime();

        FormSession.assertRefusedByRoleCheck(
                session.post(
                        "/governance/entities/Order/decisions",
                        Map.of(
                                "title", title,
                                "context", "Sales wants another word.",
                                "decision", "Rename Order to Purchase.",
                                "consequences", "Every domain renames its columns.",
                                "status", "accepted")),
                "Only members of the governance council may record decisions");

        assertThat(decisionTitles("Order")).doesNotContain(title).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void anEntityPageShowsItsCoreImplementationsExtensionsAndLifecycleMappings() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain)
                .column("bandwidth_mbps", "integer", false, "internal", false, null, "Bandwidth")
                .column("lifecycle_state", "string", true, "internal", false, "Service.lifecycle_state", "State")
                .contractLine("customProperties:")
                .contractLine("  - property: lifecycleMapping")
                .contractLine("    value:")
                .contractLine("      - internal: in-service")
                .contractLine("        canonical: active");
        product.publish().then().statusCode(201);

        Document service = page("/governance/entities/Service");
        assertThat(service.select("h1").text()).isEqualTo("Service");
        assertThat(service.text()).contains("^SVC-[0-9]{10}$", "planned", "terminated");
        assertThat(service.select("#core-heading + p + table tbody tr th code").eachText())
                .contains("service_id", "service_type", "lifecycle_state");
        assertThat(service.select("a[href=/products/" + product.key() + "]")).isNotEmpty();
        assertThat(service.select(".extensions__domain:has(a[href=/domains/" + domain + "])")
                        .text())
                .contains("bandwidth_mbps");
        assertThat(service.select("#lifecycle-heading ~ table tr:has(a[href=/products/" + product.key() + "])")
                        .text())
                .contains("in-service", "active");

        assertThat(page("/governance/entities").select("a[href=/governance/entities/Order]"))
                .hasSize(1);
        given().get("/governance/entities/Widget").then().statusCode(404);
        given().get("/api/governance/entities/service").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void theEntityListApiNamesEachEntityWithItsIdentifierAndCountsItsImplementations() {
        JsonPath before = given().get("/api/governance/entities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(before.getList("items.name", String.class)).contains("Service", "Order", "Customer", "Product");
        assertThat(before.getString("items.find { it.name == 'Service' }.identifierAttribute"))
                .isEqualTo("service_id");
        assertThat(before.getInt("items.find { it.name == 'Service' }.attributes"))
                .isGreaterThanOrEqualTo(3);
        assertThat(before.getString("items.find { it.name == 'Service' }.description"))
                .isNotBlank();
        long implementations = before.getLong("items.find { it.name == 'Service' }.implementingProducts");

        // The test descriptor maps Service.service_id and Service.service_name: one more implementation.
        Descriptors.product(Descriptors.newDomain()).publish().then().statusCode(201);
        long after = given().get("/api/governance/entities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items.find { it.name == 'Service' }.implementingProducts");
        assertThat(after).isEqualTo(implementations + 1);
    }

    @Test
    @TestSecurity(user = "carla.council", roles = "council")
    void aCouncilMemberRecordsADecisionFromTheEntityPage() {
        Response opened = given().get("/governance/entities/Order");
        Document page = Jsoup.parse(opened.asString());
        assertThat(page.select("#decisions article.decision").text()).contains("One order identifier");
        String token = page.select("form[action=/governance/entities/Order/decisions] input[name=csrf-token]")
                .attr("value");
        String title = "Orders keep their channel " + System.nanoTime();
        given().cookie("signalbox-form", opened.getCookie("signalbox-form"))
                .formParam("csrf-token", token)
                .formParam("title", title)
                .formParam("context", "Sales channels report **differently**.")
                .formParam("decision", "Add <script>alert(1)</script> order_channel later.")
                .formParam("consequences", "None yet.")
                .formParam("status", "proposed")
                .redirects()
                .follow(false)
                .post("/governance/entities/Order/decisions")
                .then()
                .statusCode(303);
        Document after = page("/governance/entities/Order");
        assertThat(after.select("#decisions").text()).contains(title, "proposed");
        assertThat(after.select("#decisions strong").text()).contains("differently");
        assertThat(after.select("#decisions script"))
                .as("Markdown is rendered without raw HTML")
                .isEmpty();
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void readersSeeDecisionsAndHistoryButNoDecisionForm() {
        Document order = page("/governance/entities/Order");
        assertThat(order.select("#revisions tbody tr")).isNotEmpty();
        assertThat(order.select("form[action=/governance/entities/Order/decisions]"))
                .isEmpty();
    }
}
