package io.signalbox.readiness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.signalbox.readiness.heatmap.HeatmapCsv;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The council's heatmap (docs/readiness-council.md): the latest submitted assessment of each domain with its scores,
 * waived reds, the effective verdict, staleness by the injected clock and overdue plan items; filters, sorts and
 * keyset paging; the CSV twin (RFC 4180 quoting, formula guard) and who may export it.
 */
@QuarkusTest
class HeatmapTest {

    @Inject
    AdjustableClock clock;

    String admin;
    Map<String, Supplier<RequestSpecification>> people;
    String blocked;
    String waivedReady;
    String expiredWaiver;
    LocalDate today;

    @BeforeEach
    void threeAssessedDomains() {
        admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        String bill = Tokens.accessToken("bill.billing", "billing");
        String rita = Tokens.accessToken("rita.reader", "reader");
        String carla = Tokens.accessToken("carla.council", "council");
        people = new LinkedHashMap<>();
        people.put("owner", () -> given().auth().oauth2(nora));
        people.put("owner elsewhere", () -> given().auth().oauth2(bill));
        people.put("council", () -> given().auth().oauth2(carla));
        people.put("reader", () -> given().auth().oauth2(rita));
        people.put("anonymous", () -> given().redirects().follow(false));

        Instant now = clock.instant();
        today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        blocked = ReadinessFixtures.domain(admin, null, "Boss <boss@example.com>", "tech@example.com", "nora.network");
        ReadinessFixtures.domain(admin, null, "Boss <boss@example.com>", "tech@example.com", "bill.billing");
        // An older, all-green submission that the latest one replaces on the heatmap.
        ReadinessFixtures.submission(blocked, now.minus(Duration.ofDays(200))).submit();
        ReadinessFixtures.submission(blocked, now.minus(Duration.ofDays(10)))
                .score(Criterion.BUSINESS_OWNERSHIP, Score.RED)
                .waived(Criterion.BUSINESS_OWNERSHIP, today.plusDays(30))
                .score(Criterion.CAPACITY, Score.RED)
                .score(Criterion.DATA_KNOWLEDGE, Score.AMBER)
                .diverges()
                .planItem(Criterion.CAPACITY, today.minusDays(1), null)
                .planItem(Criterion.CAPACITY, today.minusDays(3), now.minus(Duration.ofDays(5)))
                .planItem(Criterion.BUSINESS_OWNERSHIP, today.plusDays(30), null)
                .submit();
        waivedReady = ReadinessFixtures.domain(admin, null, "Boss <boss@example.com>", "tech@example.com");
        ReadinessFixtures.submission(waivedReady, now.minus(Duration.ofDays(100)))
                .score(Criterion.SLA_READINESS, Score.RED)
                .waived(Criterion.SLA_READINESS, today)
                .planItem(Criterion.SLA_READINESS, today.plusDays(60), null)
                .submit();
        expiredWaiver = ReadinessFixtures.domain(admin, null, "Boss <boss@example.com>", "tech@example.com");
        ReadinessFixtures.submission(expiredWaiver, now.minus(Duration.ofDays(50)))
                .score(Criterion.CONSUMER_AWARENESS, Score.RED)
                .waived(Criterion.CONSUMER_AWARENESS, today.minusDays(1))
                .submit();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachDomainShowsItsLatestAssessmentWithWaivedRedsTheEffectiveVerdictStalenessAndOverdueItems() {
        Map<String, Object> row = rowOf(blocked, "");
        assertThat(row.get("verdict")).isEqualTo("needs-capability-building");
        assertThat(row.get("diverges")).isEqualTo(true);
        assertThat(row.get("stale")).isEqualTo(false);
        assertThat(row.get("overduePlanItems"))
                .as("one open item past its date; a done one does not count")
                .isEqualTo(1);
        assertThat(shown(row)).containsExactly("red (waived)", "green", "amber", "green", "red", "green");
        assertThat(row.get("name")).isEqualTo("Domain " + blocked);
        assertThat(row.get("assessedOn")).isEqualTo(today.minusDays(10).toString());

        Map<String, Object> ready = rowOf(waivedReady, "");
        assertThat(ready.get("verdict"))
                .as("a red waived until today counts as amber")
                .isEqualTo("ready-to-pilot");
        assertThat(ready.get("stale")).as("100 days old, the period is 90").isEqualTo(true);
        assertThat(ready.get("overduePlanItems")).isEqualTo(0);

        Map<String, Object> expired = rowOf(expiredWaiver, "");
        assertThat(expired.get("verdict")).as("a waiver that expired yesterday").isEqualTo("needs-capability-building");
        assertThat(shown(expired).get(1)).isEqualTo("red");
    }

    @Test
    void stalenessMovesWithTheClock() {
        assertThat(rowOf(blocked, "").get("stale")).isEqualTo(false);
        clock.advance(Duration.ofDays(81));
        assertThat(rowOf(blocked, "").get("stale")).as("91 days old").isEqualTo(true);
        assertThat(rowOf(blocked, "").get("overduePlanItems"))
                .as("the item due in 30 days is overdue by then too")
                .isEqualTo(2);
        assertThat(rowOf(waivedReady, "").get("verdict"))
                .as("the waiver has expired by then")
                .isEqualTo("needs-capability-building");
    }

    @Test
    void filtersKeepOnlyTheMatchingDomains() {
        assertThat(keys("verdict=ready-to-pilot")).contains(waivedReady).doesNotContain(blocked, expiredWaiver);
        assertThat(keys("verdict=needs-capability-building"))
                .contains(blocked, expiredWaiver)
                .doesNotContain(waivedReady);
        assertThat(keys("stale=true")).contains(waivedReady).doesNotContain(blocked, expiredWaiver);
        assertThat(keys("stale=false")).contains(blocked, expiredWaiver).doesNotContain(waivedReady);
        assertThat(keys("diverges=true")).contains(blocked).doesNotContain(waivedReady, expiredWaiver);
        assertThat(keys("overdue=true")).contains(blocked).doesNotContain(waivedReady, expiredWaiver);
        assertThat(keys("capacity=red")).contains(blocked).doesNotContain(waivedReady, expiredWaiver);
        assertThat(keys("business-ownership=red&data-knowledge=amber"))
                .contains(blocked)
                .doesNotContain(waivedReady, expiredWaiver);
        assertThat(keys("sla-readiness=red&verdict=needs-capability-building")).doesNotContain(waivedReady);
        String neverAssessed = ReadinessFixtures.domain(admin, null, "Boss <boss@example.com>", "tech@example.com");
        assertThat(keys("verdict=never-assessed")).contains(neverAssessed).doesNotContain(blocked);
        assertThat(keys("")).doesNotContain(neverAssessed);
        assertThat(people.get("reader")
                        .get()
                        .get("/api/readiness")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("neverAssessed"))
                .isPositive();
    }

    @Test
    void sortsOrderTheRowsAndPagesOfOneFollowTheSameOrder() {
        assertThat(mine(keys("sort=assessed"))).containsExactly(waivedReady, expiredWaiver, blocked);
        assertThat(mine(keys("sort=-assessed"))).containsExactly(blocked, expiredWaiver, waivedReady);
        assertThat(mine(keys("sort=overdue")).get(0)).isEqualTo(blocked);
        List<String> byVerdict = mine(keys("sort=verdict"));
        assertThat(byVerdict.indexOf(waivedReady)).isGreaterThan(byVerdict.indexOf(blocked));
        assertThat(mine(keys("sort=domain"))).isSortedAccordingTo(String::compareTo);
        for (String sort :
                new String[] {"domain", "-domain", "verdict", "-verdict", "assessed", "-assessed", "overdue"}) {
            assertThat(keysInPagesOf("sort=" + sort, 1))
                    .as("pages of one in sort " + sort)
                    .isEqualTo(keys("sort=" + sort));
        }
    }

    @Test
    void aBadFilterIsA400NamingIt() {
        Map<String, String> bad = Map.of(
                "verdict=maybe", "verdict",
                "stale=yes", "stale",
                "capacity=purple", "capacity",
                "sort=colour", "sort",
                "verdict=never-assessed&stale=true", "verdict");
        bad.forEach((query, field) -> {
            Response answer = people.get("reader").get().get("/api/readiness?" + query);
            answer.then().statusCode(400);
            assertThat(answer.jsonPath().getList("errors.field", String.class))
                    .as(query)
                    .contains(field);
            people.get("council")
                    .get()
                    .get("/api/readiness.csv?" + query)
                    .then()
                    .statusCode(400);
        });
        String next = people.get("reader")
                .get()
                .get("/api/readiness?size=1&sort=domain")
                .path("next");
        String cursor = next.replaceAll(".*after=([^&]+).*", "$1");
        Response other = people.get("reader")
                .get()
                .urlEncodingEnabled(false)
                .get("/api/readiness?sort=assessed&after=" + cursor);
        other.then().statusCode(400);
        assertThat(other.jsonPath().getList("errors.field", String.class)).contains("after");
    }

    @Test
    void theCsvHoldsTheSameRowsQuotedByRfc4180AndGuardedAgainstFormulas() {
        String hostile = ReadinessFixtures.domain(
                admin, "=HYPERLINK(\"http://evil.example\"), \"quoted\"", "Boss <boss@example.com>", "t@example.com");
        ReadinessFixtures.submission(hostile, clock.instant().minus(Duration.ofDays(1)))
                .submit();
        Response csv = people.get("council").get().get("/api/readiness.csv");
        csv.then().statusCode(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        String body = csv.asString();
        assertThat(body)
                .startsWith("domain,name,verdict,business-ownership,consumer-awareness,data-knowledge,"
                        + "change-authority,capacity,sla-readiness,diverges,submitted_at,stale,overdue_plan_items\r\n");
        assertThat(body.split("\r\n", -1))
                .contains(blocked + ",Domain " + blocked
                        + ",needs-capability-building,red (waived),green,amber,green,red,green,true,"
                        + rowOf(blocked, "").get("submittedAt") + ",false,1");
        assertThat(body)
                .contains(hostile + ",\"'=HYPERLINK(\"\"http://evil.example\"\"), \"\"quoted\"\"\",ready-to-pilot");
        assertThat(people.get("council")
                        .get()
                        .get("/api/readiness.csv?stale=true")
                        .asString())
                .contains(waivedReady)
                .doesNotContain(blocked);
    }

    @Test
    void csvFieldsAreQuotedAndGuarded() {
        assertThat(HeatmapCsv.field("plain")).isEqualTo("plain");
        assertThat(HeatmapCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(HeatmapCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(HeatmapCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(HeatmapCsv.field("=1+1")).isEqualTo("'=1+1");
        assertThat(HeatmapCsv.field("+1")).isEqualTo("'+1");
        assertThat(HeatmapCsv.field("-1")).isEqualTo("'-1");
        assertThat(HeatmapCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(HeatmapCsv.field("\tx")).isEqualTo("'\tx");
        assertThat(HeatmapCsv.field(null)).isEmpty();
    }

    @Test
    void theCouncilAndDomainOwnersExportReadersMayNotAndAnonymousMustSignIn() {
        Map<String, Integer> expected =
                Map.of("owner", 200, "owner elsewhere", 200, "council", 200, "reader", 403, "anonymous", 401);
        expected.forEach((who, status) ->
                people.get(who).get().get("/api/readiness.csv").then().statusCode(status));
        for (String who : new String[] {"owner", "owner elsewhere", "council", "reader"}) {
            people.get(who).get().get("/api/readiness").then().statusCode(200);
        }
        people.get("anonymous").get().get("/api/readiness").then().statusCode(401);
    }

    // ---- helpers ----

    /** The row of one domain, looked for through every page of the heatmap with {@code query}. */
    private Map<String, Object> rowOf(String domain, String query) {
        for (Map<String, Object> row : rows(query, 200)) {
            if (domain.equals(row.get("domain"))) {
                return row;
            }
        }
        throw new AssertionError(domain + " is not on the heatmap with " + query);
    }

    private List<Map<String, Object>> rows(String query, int size) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String next = "/api/readiness?" + (query.isEmpty() ? "" : query + "&") + "size=" + size;
        while (next != null) {
            JsonPath page = people.get("reader")
                    .get()
                    .urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            rows.addAll(page.getList("items"));
            next = page.getString("next");
        }
        return rows;
    }

    private List<String> keys(String query) {
        return rows(query, 200).stream().map(r -> (String) r.get("domain")).toList();
    }

    private List<String> keysInPagesOf(String query, int size) {
        return rows(query, size).stream().map(r -> (String) r.get("domain")).toList();
    }

    private List<String> mine(List<String> keys) {
        return keys.stream()
                .filter(k -> k.equals(blocked) || k.equals(waivedReady) || k.equals(expiredWaiver))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> shown(Map<String, Object> row) {
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) row.get("criteria");
        return criteria.stream().map(c -> (String) c.get("shown")).toList();
    }
}
