package io.signalbox.readiness.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with a domain's readiness assessment (docs/readiness.md, "Who may do what"): the owner of the
 * domain, the owner of another domain, the council, a reader and an anonymous caller, against reading (and seeing
 * the draft), saving, submitting, waiving and marking a plan item done.
 */
@QuarkusTest
class ReadinessPermissionsTest {

    static final String[] EVERYONE = {"owner", "owner elsewhere", "council", "reader", "anonymous"};

    String admin;
    Map<String, String> tokens;
    Map<String, Supplier<RequestSpecification>> people;
    LocalDate today;

    @BeforeEach
    void people() {
        admin = Tokens.accessToken("adam.admin", "admin");
        tokens = new LinkedHashMap<>();
        tokens.put("owner", Tokens.accessToken("nora.network", "network"));
        tokens.put("owner elsewhere", Tokens.accessToken("bill.billing", "billing"));
        tokens.put("council", Tokens.accessToken("carla.council", "council"));
        tokens.put("reader", Tokens.accessToken("rita.reader", "reader"));
        people = new LinkedHashMap<>();
        tokens.forEach((who, token) -> people.put(who, () -> given().auth().oauth2(token)));
        people.put("anonymous", () -> given().redirects().follow(false));
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void everyoneSignedInReadsAndOnlyTheOwnerAndTheCouncilSeeTheDraft() {
        String domain = newDomain();
        DraftJson.oneRed().saveAs(tokens.get("owner"), domain).then().statusCode(201);
        Map<String, Boolean> seesDraft =
                Map.of("owner", true, "council", true, "owner elsewhere", false, "reader", false);
        for (String who : EVERYONE) {
            Response answer = people.get(who).get().get("/api/domains/" + domain + "/readiness");
            if (who.equals("anonymous")) {
                answer.then().statusCode(401);
                continue;
            }
            answer.then().statusCode(200);
            assertThat(answer.jsonPath().getBoolean("draftOpen")).as(who).isTrue();
            assertThat(answer.jsonPath().getString("draft") != null)
                    .as("%s sees the draft", who)
                    .isEqualTo(seesDraft.get(who));
            assertThat(answer.jsonPath().getBoolean("mayEdit")).as(who).isEqualTo(seesDraft.get(who));
            assertThat(answer.jsonPath().getBoolean("mayWaive")).as(who).isEqualTo(who.equals("council"));
        }
    }

    @Test
    void onlyTheOwnerAndTheCouncilSaveAndSubmit() {
        for (String who : EVERYONE) {
            String domain = newDomain();
            Response saved = people.get(who)
                    .get()
                    .contentType("application/json")
                    .body(complete().json())
                    .put("/api/domains/" + domain + "/readiness/draft");
            boolean may = who.equals("owner") || who.equals("council");
            saved.then().statusCode(may ? 201 : refused(who));
            if (!may) {
                // The owner opens it, and the others still may not submit it.
                DraftJson ownDraft = complete();
                ownDraft.saveAs(tokens.get("owner"), domain).then().statusCode(201);
            }
            people.get(who)
                    .get()
                    .contentType("application/json")
                    .body("{\"lockVersion\": 1}")
                    .post("/api/domains/" + domain + "/readiness/draft/submission")
                    .then()
                    .statusCode(may ? 200 : refused(who));
        }
    }

    @Test
    void onlyTheCouncilWaives() {
        String domain = newDomain();
        long id = submitted(domain);
        String body = "{\"criterion\": \"capacity\", \"reason\": \"A hire starts next month\", \"expiresOn\": \""
                + today.plusDays(30) + "\"}";
        for (String who : new String[] {"owner", "owner elsewhere", "reader", "anonymous", "council"}) {
            people.get(who)
                    .get()
                    .contentType("application/json")
                    .body(body)
                    .post("/api/domains/" + domain + "/readiness/assessments/" + id + "/waivers")
                    .then()
                    .statusCode(who.equals("council") ? 201 : refused(who));
        }
    }

    @Test
    void theOwnerAndTheCouncilMarkPlanItemsDone() {
        String domain = newDomain();
        submitted(domain);
        var items = given().auth()
                .oauth2(tokens.get("owner"))
                .get("/api/domains/" + domain + "/readiness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("latest.planItems.id", Long.class);
        for (String who : new String[] {"owner elsewhere", "reader", "anonymous"}) {
            people.get(who)
                    .get()
                    .post("/api/domains/" + domain + "/readiness/plan-items/" + items.get(0) + "/done")
                    .then()
                    .statusCode(refused(who));
        }
        people.get("owner")
                .get()
                .post("/api/domains/" + domain + "/readiness/plan-items/" + items.get(0) + "/done")
                .then()
                .statusCode(200);
        people.get("council")
                .get()
                .post("/api/domains/" + domain + "/readiness/plan-items/" + items.get(1) + "/done")
                .then()
                .statusCode(200);
    }

    private DraftJson complete() {
        return DraftJson.oneRed().plan("capacity", "Hire a data engineer", "nora.network", today.plusDays(90));
    }

    /** A submitted assessment with capacity red and two plan items; its id. */
    private long submitted(String domain) {
        complete()
                .plan("capacity", "Automate the weekly load", "nora.network", today.plusDays(60))
                .saveAs(tokens.get("owner"), domain)
                .then()
                .statusCode(201);
        return DraftJson.submitAs(tokens.get("owner"), domain, 1)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private String newDomain() {
        return Descriptors.newDomainWithToken(admin, "nora.network");
    }

    private static int refused(String who) {
        return who.equals("anonymous") ? 401 : 403;
    }
}
