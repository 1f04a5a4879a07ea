package io.signalbox.readiness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.FormSession;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The council's onboarding decisions (docs/readiness-council.md): who may set one (owner of the domain, owner of
 * another, council, reader, anonymous), what is checked, the history, the form, and the domain page and JSON showing
 * the decision beside the latest readiness verdict.
 */
@QuarkusTest
class OnboardingTest {

    @Inject
    AdjustableClock clock;

    String domain;
    Map<String, Supplier<RequestSpecification>> people;

    @BeforeEach
    void aDomainOwnedByNora() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        String bill = Tokens.accessToken("bill.billing", "billing");
        String rita = Tokens.accessToken("rita.reader", "reader");
        String carla = Tokens.accessToken("carla.council", "council");
        domain = ReadinessFixtures.domain(admin, null, "Boss <boss@example.com>", "tech@example.com", "nora.network");
        ReadinessFixtures.domain(admin, null, "Boss <boss@example.com>", "tech@example.com", "bill.billing");
        people = new LinkedHashMap<>();
        people.put("owner", () -> given().auth().oauth2(nora));
        people.put("owner elsewhere", () -> given().auth().oauth2(bill));
        people.put("council", () -> given().auth().oauth2(carla));
        people.put("reader", () -> given().auth().oauth2(rita));
        people.put("admin", () -> given().auth().oauth2(admin));
        people.put("anonymous", () -> given().redirects().follow(false));
    }

    @Test
    void onlyTheCouncilSetsTheOnboardingDecision() {
        Map<String, Integer> refused =
                Map.of("owner", 403, "owner elsewhere", 403, "reader", 403, "admin", 403, "anonymous", 401);
        refused.forEach((who, status) -> decide(who, domain, decision("ready-to-pilot", "Looks good"))
                .then()
                .statusCode(status));
        people.get("council").get().get(path(domain)).then().statusCode(200);
        assertThat(history(domain)).isEmpty();

        Response decided = decide("council", domain, decision("stays-on-central-tooling", "Two people, no data team"));
        decided.then().statusCode(200);
        assertThat(decided.jsonPath().getString("decision")).isEqualTo("stays-on-central-tooling");
        assertThat(decided.jsonPath().getString("decidedOn"))
                .as("today by default")
                .isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        assertThat(decided.jsonPath().getString("decidedBy")).isEqualTo("carla.council");

        for (String who : new String[] {"owner", "owner elsewhere", "reader"}) {
            people.get(who).get().get(path(domain)).then().statusCode(200);
        }
        people.get("anonymous").get().get(path(domain)).then().statusCode(401);

        String audit = people.get("admin")
                .get()
                .get("/api/audit?domain=" + domain + "&action=readiness.onboarding-decided")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(audit).contains("Stays on central tooling").contains("carla.council");
    }

    @Test
    void theNewestDecisionIsTheCurrentOneAndTheHistoryIsPaged() {
        decide("council", domain, decision("needs-capability-building", "No SLA yet", "2026-01-05"))
                .then()
                .statusCode(200);
        decide("council", domain, decision("ready-to-pilot", "SLAs in place", null))
                .then()
                .statusCode(200);
        List<Map<String, Object>> history = history(domain);
        assertThat(history)
                .extracting(d -> d.get("decision"))
                .containsExactly("ready-to-pilot", "needs-capability-building");
        assertThat(history.get(1).get("decidedOn")).isEqualTo("2026-01-05");
        Response first = people.get("reader").get().get(path(domain) + "?size=1");
        assertThat(first.jsonPath().getList("items")).hasSize(1);
        String next = first.jsonPath().getString("next");
        assertThat(next).isNotNull();
        assertThat(people.get("reader")
                        .get()
                        .urlEncodingEnabled(false)
                        .get(next)
                        .jsonPath()
                        .getString("items[0].decision"))
                .isEqualTo("needs-capability-building");
    }

    @Test
    void aDecisionNeedsAKnownDecisionAReasonAndADayNotInTheFuture() {
        expectProblem(decide("council", domain, decision("maybe", "Because")), 422, "decision");
        expectProblem(decide("council", domain, decision("ready-to-pilot", "  ")), 422, "reason");
        expectProblem(decide("council", domain, Map.of("decision", "ready-to-pilot")), 422, "reason");
        String tomorrow =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).toString();
        expectProblem(decide("council", domain, decision("ready-to-pilot", "Why not", tomorrow)), 422, "decidedOn");
        expectProblem(decide("council", domain, decision("ready-to-pilot", "Why not", "1999-12-31")), 422, "decidedOn");
        decide("council", "rnosuchdomain1", decision("ready-to-pilot", "Why not"))
                .then()
                .statusCode(404);
        people.get("reader").get().get(path("rnosuchdomain1")).then().statusCode(404);
        assertThat(history(domain)).isEmpty();
    }

    @Test
    void theDomainPageAndItsJsonShowTheDecisionAndTheLatestVerdict() {
        ReadinessFixtures.submission(domain, clock.instant().minus(Duration.ofDays(120)))
                .score(Criterion.CAPACITY, Score.RED)
                .submit();
        decide("council", domain, decision("needs-capability-building", "Capacity is short", "2026-02-01"))
                .then()
                .statusCode(200);
        Map<String, Object> readiness = people.get("reader")
                .get()
                .get("/api/domains/" + domain)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("readiness");
        assertThat(readiness)
                .containsEntry("verdictKey", "needs-capability-building")
                .containsEntry("stale", true)
                .containsEntry("decisionKey", "needs-capability-building")
                .containsEntry("reason", "Capacity is short")
                .containsEntry("decidedOn", "2026-02-01");
        assertThat(people.get("reader")
                        .get()
                        .get("/api/domains/" + domain)
                        .jsonPath()
                        .getString("name"))
                .as("the domain's own fields stay where they were")
                .isEqualTo("Domain " + domain);
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void theDomainPageShowsNeitherWhenThereIsNothingYet() {
        Document page = Jsoup.parse(given().get("/domains/" + domain)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#onboarding-decision").text()).contains("none yet");
        assertThat(page.select("#readiness-verdict").text()).contains("not assessed yet");
    }

    @Test
    @TestSecurity(user = "carla.council", roles = "council")
    void theCouncilDecidesWithTheFormAndTheDomainPageShowsIt() {
        ReadinessFixtures.submission(domain, clock.instant().minus(Duration.ofDays(3)))
                .submit();
        FormSession session = FormSession.openedAt("/domains/" + domain + "/onboarding");
        Response posted = session.post(
                "/domains/" + domain + "/onboarding",
                Map.of(
                        "decision",
                        "ready-to-pilot",
                        "reason",
                        "All green, owners in place",
                        "decidedOn",
                        "2026-03-04"));
        posted.then().statusCode(303);
        Document onboarding = Jsoup.parse(given().get("/domains/" + domain + "/onboarding")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(onboarding.select("#current-decision").text())
                .contains("Ready to pilot", "All green, owners in place", "2026-03-04");

        Document page = Jsoup.parse(given().get("/domains/" + domain)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#onboarding-decision").text())
                .contains("Ready to pilot", "All green, owners in place", "2026-03-04");
        String assessedOn = LocalDate.ofInstant(clock.instant().minus(Duration.ofDays(3)), ZoneOffset.UTC)
                .toString();
        assertThat(page.select("#readiness-verdict").text()).contains("Ready to pilot", assessedOn);
        assertThat(page.select("#readiness-verdict a").attr("href")).isEqualTo("/domains/" + domain + "/readiness");

        Response refused =
                session.post("/domains/" + domain + "/onboarding", Map.of("decision", "ready-to-pilot", "reason", ""));
        refused.then().statusCode(422);
        assertThat(Jsoup.parse(refused.asString()).select("ul.problems code").eachText())
                .contains("reason");
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void aReaderSeesTheDecisionsButNoFormAndTheirPostIsRefused() {
        Document page = Jsoup.parse(given().get("/domains/" + domain + "/onboarding")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("form[action=/domains/" + domain + "/onboarding]"))
                .isEmpty();
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");
        FormSession.assertRefusedByRoleCheck(
                session.post(
                        "/domains/" + domain + "/onboarding",
                        Map.of("decision", "ready-to-pilot", "reason", "I think so")),
                "governance council");
    }

    @Test
    @TestSecurity(user = "rita.reader")
    void theHeatmapPageRendersForEveryoneSignedIn() {
        ReadinessFixtures.submission(domain, clock.instant().minus(Duration.ofDays(2)))
                .score(Criterion.CAPACITY, Score.RED)
                .submit();
        Document page = Jsoup.parse(given().get("/readiness?capacity=red&sort=-assessed&size=200")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("tr[data-domain=" + domain + "] td[data-criterion=capacity]")
                        .text())
                .isEqualTo("red");
        assertThat(page.select("tr[data-domain=" + domain + "] td[data-verdict]")
                        .text())
                .isEqualTo("Needs capability building");
        assertThat(page.select("a[download]"))
                .as("a reader is not offered the export")
                .isEmpty();
        given().get("/readiness?verdict=perhaps").then().statusCode(400);
    }

    // ---- helpers ----

    private Response decide(String who, String key, Map<String, String> body) {
        return people.get(who).get().contentType("application/json").body(body).put(path(key));
    }

    private static Map<String, String> decision(String decision, String reason) {
        return Map.of("decision", decision, "reason", reason);
    }

    private static Map<String, String> decision(String decision, String reason, String decidedOn) {
        Map<String, String> body = new LinkedHashMap<>(decision(decision, reason));
        if (decidedOn != null) {
            body.put("decidedOn", decidedOn);
        }
        return body;
    }

    private List<Map<String, Object>> history(String key) {
        return people.get("reader")
                .get()
                .get(path(key))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static void expectProblem(Response answer, int status, String field) {
        answer.then().statusCode(status);
        assertThat(answer.jsonPath().getList("errors.field", String.class)).contains(field);
    }

    private static String path(String key) {
        return "/api/domains/" + key + "/onboarding";
    }
}
