package io.signalbox.readiness.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness workflow through its JSON API (docs/readiness.md): a draft opened, saved and submitted by the
 * domain's owner; stale lockVersions; every refusal naming its field; a submission that never changes again (the API
 * and the database refuse); the next draft from the last submission; the council's waivers; plan items tracked to
 * done; the history criterion by criterion.
 */
@QuarkusTest
class AssessmentApiTest {

    @Inject
    EntityManager em;

    @Inject
    AdjustableClock clock;

    String admin;
    String nora;
    String carla;
    String domain;
    LocalDate today;

    @BeforeEach
    void aDomainOwnedByNora() {
        admin = Tokens.accessToken("adam.admin", "admin");
        nora = Tokens.accessToken("nora.network", "network");
        carla = Tokens.accessToken("carla.council", "council");
        domain = Descriptors.newDomainWithToken(admin, "nora.network");
        today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void anOwnerOpensSavesAndSubmitsADraft() {
        JsonPath before = read(nora);
        assertThat(before.getString("latest")).isNull();
        assertThat(before.getBoolean("draftOpen")).isFalse();
        assertThat(before.getString("draft.id")).as("a proposal, not stored").isNull();
        assertThat(before.getString("draft.lockVersion")).isNull();
        assertThat(before.getList("draft.answers.criterion"))
                .containsExactly(
                        "business-ownership",
                        "consumer-awareness",
                        "data-knowledge",
                        "change-authority",
                        "capacity",
                        "sla-readiness");
        assertThat(before.getList("draft.answers.question"))
                .allSatisfy(q -> assertThat((String) q).endsWith("?"));
        assertThat(before.getList("items")).isEmpty();

        DraftJson.oneRed()
                .saveAs(nora, domain)
                .then()
                .statusCode(201)
                .body("state", equalTo("draft"))
                .body("lockVersion", equalTo(1))
                .body("questionnaireVersion", equalTo(1))
                .body("verdict", equalTo("needs-capability-building"))
                .body("toSubmit.field", contains("answers.capacity.planItems"))
                .body("toSubmit[0].message", org.hamcrest.Matchers.startsWith("plan item required"));

        Response saved = DraftJson.oneRed()
                .lockVersion(1)
                .plan("capacity", "Hire a data engineer", "nora.network", today.plusDays(90))
                .saveAs(nora, domain);
        saved.then().statusCode(200).body("lockVersion", equalTo(2)).body("toSubmit", empty());
        long id = saved.jsonPath().getLong("id");

        DraftJson.submitAs(nora, domain, 2)
                .then()
                .statusCode(200)
                .body("state", equalTo("submitted"))
                .body("submittedBy", equalTo("nora.network"))
                .body("verdict", equalTo("needs-capability-building"))
                .body("effectiveVerdict", equalTo("needs-capability-building"))
                .body("diverges", equalTo(false))
                .body("planItems[0].action", equalTo("Hire a data engineer"));

        JsonPath after = read(nora);
        assertThat(after.getLong("latest.id")).isEqualTo(id);
        assertThat(after.getBoolean("draftOpen")).isFalse();
        assertThat(after.getLong("items[0].id")).isEqualTo(id);
        assertThat(after.getString("items[0].scores.capacity")).isEqualTo("red");
        assertThat(after.getString("latest.answers.find { it.criterion == 'capacity' }.justification"))
                .isEqualTo("Two people run operations and data");

        given().auth()
                .oauth2(admin)
                .queryParam("domain", domain)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body(
                        "items.action",
                        hasItems("readiness.draft-opened", "readiness.draft-saved", "readiness.submitted"));
    }

    @Test
    void aStaleLockVersionIsA409NamingIt() {
        DraftJson.oneRed().saveAs(nora, domain).then().statusCode(201).body("lockVersion", equalTo(1));
        DraftJson.oneRed()
                .lockVersion(1)
                .saveAs(carla, domain)
                .then()
                .statusCode(200)
                .body("lockVersion", equalTo(2));

        DraftJson.oneRed()
                .lockVersion(1)
                .saveAs(nora, domain)
                .then()
                .statusCode(409)
                .body("errors.field", contains("lockVersion"))
                .body("detail", org.hamcrest.Matchers.containsString("lockVersion is now 2"));
        DraftJson.oneRed().saveAs(nora, domain).then().statusCode(409).body("errors.field", contains("lockVersion"));
        DraftJson.submitAs(nora, domain, 1).then().statusCode(409).body("errors.field", contains("lockVersion"));
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body("{}")
                .post("/api/domains/" + domain + "/readiness/draft/submission")
                .then()
                .statusCode(422)
                .body("errors.field", contains("lockVersion"));
    }

    @Test
    void aDraftIsRefusedFieldByField() {
        String body = "{\"answers\": {\"readiness-of-mind\": {\"score\": \"green\"},"
                + " \"capacity\": {\"score\": \"purple\", \"justification\": \"" + "x".repeat(4001) + "\"}},"
                + " \"planItems\": [{\"criterion\": \"capacity\", \"action\": \"Hire\"}, {\"criterion\": \"moods\","
                + " \"action\": \" \", \"owner\": \"nora\", \"targetDate\": \"2027-01-01\"}]}";
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body(body)
                .put("/api/domains/" + domain + "/readiness/draft")
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "answers.readiness-of-mind",
                                "answers.capacity.score",
                                "answers.capacity.justification",
                                "planItems[0].owner",
                                "planItems[0].targetDate",
                                "planItems[1].criterion",
                                "planItems[1].action"));
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body("{\"answers\": {}, \"planItems\": [], \"lockversion\": 3}")
                .put("/api/domains/" + domain + "/readiness/draft")
                .then()
                .statusCode(400)
                .body("errors.field", contains("lockversion"));
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body("{\"answers\": {\"capacity\": {\"score\": \"red\", \"weight\": 2}}}")
                .put("/api/domains/" + domain + "/readiness/draft")
                .then()
                .statusCode(400);
        assertThat(read(nora).getBoolean("draftOpen")).as("nothing was opened").isFalse();
    }

    @Test
    void aSubmissionIsRefusedFieldByFieldUntilEverythingIsInPlace() {
        DraftJson draft = DraftJson.draft()
                .answer("consumer-awareness", "amber", " ")
                .answer("data-knowledge", "green", null)
                .answer("change-authority", "green", null)
                .answer("capacity", "red", "No time")
                .answer("sla-readiness", "green", null)
                .plan("data-knowledge", "Document lineage", "nora.network", today.plusDays(181))
                .plan("sla-readiness", "Measure freshness", "nora.network", today.minusDays(1));
        draft.saveAs(nora, domain).then().statusCode(201);
        DraftJson.submitAs(nora, domain, 1)
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "answers.business-ownership.score",
                                "answers.consumer-awareness.justification",
                                "answers.capacity.planItems",
                                "planItems[0].targetDate",
                                "planItems[1].targetDate"));

        DraftJson.oneRed()
                .lockVersion(1)
                .plan("capacity", "Hire a data engineer", "nora.network", today.plusDays(180))
                .plan("sla-readiness", "Measure freshness", "nora.network", today)
                .saveAs(nora, domain)
                .then()
                .statusCode(200);
        DraftJson.submitAs(nora, domain, 2).then().statusCode(200).body("state", equalTo("submitted"));
    }

    @Test
    void aSubmittedAssessmentNeverChangesThroughTheApiOrTheDatabase() {
        long id = submitOneRed(nora);
        long planItem = read(nora).getLong("latest.planItems[0].id");

        DraftJson.oneRed()
                .lockVersion(2)
                .saveAs(nora, domain)
                .then()
                .statusCode(409)
                .body("errors.field", contains("lockVersion"));
        DraftJson.submitAs(nora, domain, 2)
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("submitted as assessment " + id));

        for (String sql : List.of(
                "update readiness_assessment set verdict = 'ready-to-pilot' where id = " + id,
                "update readiness_assessment set state = 'draft', submitted_at = null, submitted_by = null,"
                        + " verdict = null where id = " + id,
                "delete from readiness_assessment where id = " + id,
                "update readiness_answer set score = 'green' where assessment_id = " + id,
                "delete from readiness_answer where assessment_id = " + id,
                "insert into readiness_answer (assessment_id, criterion, score) values (" + id
                        + ", 'capacity', 'green')",
                "update readiness_plan_item set target_date = target_date + 1 where id = " + planItem,
                "update readiness_plan_item set action = 'nothing', done_at = now(), done_by = 'x' where id = "
                        + planItem)) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                            .run(() -> em.createNativeQuery(sql).executeUpdate()))
                    .as(sql)
                    .hasStackTraceContaining("was submitted and cannot change");
        }
        JsonPath after = read(nora);
        assertThat(after.getString("latest.verdict")).isEqualTo("needs-capability-building");
        assertThat(after.getString("latest.answers.find { it.criterion == 'capacity' }.score"))
                .isEqualTo("red");
    }

    @Test
    void theNextDraftStartsFromTheLastSubmissionWithItsOpenPlanItems() {
        DraftJson.oneRed()
                .plan("capacity", "Hire a data engineer", "nora.network", today.plusDays(90))
                .plan("capacity", "Automate the weekly load", "nora.network", today.plusDays(60))
                .saveAs(nora, domain)
                .then()
                .statusCode(201);
        long id = DraftJson.submitAs(nora, domain, 1)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
        long first = read(nora).getLong("latest.planItems[0].id");
        done(nora, first).then().statusCode(200).body("doneBy", equalTo("nora.network"));

        JsonPath proposal = read(nora);
        assertThat(proposal.getString("draft.id")).isNull();
        assertThat(proposal.getLong("draft.startedFrom")).isEqualTo(id);
        assertThat(proposal.getString("draft.answers.find { it.criterion == 'capacity' }.score"))
                .isEqualTo("red");
        assertThat(proposal.getList("draft.planItems.action")).containsExactly("Automate the weekly load");

        DraftJson.oneRed()
                .plan("capacity", "Automate the weekly load", "nora.network", today.plusDays(60))
                .saveAs(nora, domain)
                .then()
                .statusCode(201)
                .body("startedFrom", equalTo((int) id))
                .body("planItems.action", contains("Automate the weekly load"));
        JsonPath opened = read(nora);
        assertThat(opened.getBoolean("draftOpen")).isTrue();
        assertThat(opened.getList("draft.answers.score"))
                .containsExactly("green", "green", "amber", "green", "red", "green");
    }

    @Test
    void thePlanIsTrackedToDoneOnceBySomeoneWhoMayEdit() {
        DraftJson.oneRed()
                .plan("capacity", "Hire a data engineer", "nora.network", today.plusDays(90))
                .saveAs(nora, domain)
                .then()
                .statusCode(201);
        long inDraft = read(nora).getLong("draft.planItems[0].id");
        done(nora, inDraft).then().statusCode(409).body("errors.field", contains("id"));
        DraftJson.submitAs(nora, domain, 1).then().statusCode(200);
        long item = read(nora).getLong("latest.planItems[0].id");

        String elsewhere = Descriptors.newDomainWithToken(admin, "nora.network");
        given().auth()
                .oauth2(nora)
                .post("/api/domains/" + elsewhere + "/readiness/plan-items/" + item + "/done")
                .then()
                .statusCode(404);
        done(nora, 0).then().statusCode(404);
        given().auth()
                .oauth2(nora)
                .post("/api/domains/" + domain + "/readiness/plan-items/abc/done")
                .then()
                .statusCode(404);

        done(carla, item).then().statusCode(200).body("doneBy", equalTo("carla.council"));
        done(nora, item).then().statusCode(409).body("errors.field", contains("id"));
        assertThat(read(nora).getString("latest.planItems[0].doneBy")).isEqualTo("carla.council");
    }

    @Test
    void theCouncilWaivesARedWhichCountsAsAmberUntilItExpires() {
        long id = submitOneRed(nora);

        waive(
                        carla,
                        id,
                        "{\"criterion\": \"sla-readiness\", \"reason\": \"x\", \"expiresOn\": \"" + today.plusDays(30)
                                + "\"}")
                .then()
                .statusCode(422)
                .body("errors.field", contains("criterion"));
        waive(carla, id, "{\"criterion\": \"capacity\", \"reason\": \" \", \"expiresOn\": \"" + today + "\"}")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("reason", "expiresOn"));
        waive(
                        carla,
                        id,
                        "{\"criterion\": \"capacity\", \"reason\": \"Hiring\", \"expiresOn\": \""
                                + today.plusYears(1).plusDays(1) + "\"}")
                .then()
                .statusCode(422)
                .body("errors.field", contains("expiresOn"));

        waive(
                        carla,
                        id,
                        "{\"criterion\": \"capacity\", \"reason\": \"A hire starts next month\", \"expiresOn\": \""
                                + today.plusDays(30) + "\"}")
                .then()
                .statusCode(201)
                .body("criterion", equalTo("capacity"))
                .body("inForce", equalTo(true))
                .body("waivedBy", equalTo("carla.council"));
        waive(
                        carla,
                        id,
                        "{\"criterion\": \"capacity\", \"reason\": \"Again\", \"expiresOn\": \"" + today.plusDays(30)
                                + "\"}")
                .then()
                .statusCode(409)
                .body("errors.field", contains("criterion"));

        JsonPath waived = read(nora);
        assertThat(waived.getString("latest.verdict")).isEqualTo("needs-capability-building");
        assertThat(waived.getString("latest.effectiveVerdict")).isEqualTo("ready-to-pilot");
        assertThat(waived.getBoolean("latest.answers.find { it.criterion == 'capacity' }.waived"))
                .isTrue();
        assertThat(waived.getString("items[0].effectiveVerdict")).isEqualTo("ready-to-pilot");

        try {
            clock.advance(Duration.ofDays(31));
            JsonPath expired = read(nora);
            assertThat(expired.getString("latest.effectiveVerdict")).isEqualTo("needs-capability-building");
            assertThat(expired.getBoolean("latest.waivers[0].inForce")).isFalse();
        } finally {
            clock.reset();
        }

        long second = submitOneRed(nora);
        waive(
                        carla,
                        id,
                        "{\"criterion\": \"capacity\", \"reason\": \"Old\", \"expiresOn\": \"" + today.plusDays(30)
                                + "\"}")
                .then()
                .statusCode(409)
                .body("errors.field", contains("id"))
                .body("detail", org.hamcrest.Matchers.containsString("assessment " + second));
    }

    @Test
    void theHistoryShowsHowEachCriterionMovedNewestFirstAndPaged() {
        long first = submitOneRed(nora);
        DraftJson.oneRed()
                .answer("capacity", "amber", "One hire made")
                .answer("sla-readiness", "amber", "Freshness not measured yet")
                .saveAs(nora, domain)
                .then()
                .statusCode(201);
        long second = DraftJson.submitAs(nora, domain, 1)
                .then()
                .statusCode(200)
                .body("verdict", equalTo("ready-to-pilot"))
                .extract()
                .jsonPath()
                .getLong("id");

        JsonPath history = read(nora);
        assertThat(history.getList("items.id", Long.class)).containsExactly(second, first);
        assertThat(history.getString("items[0].moves.capacity")).isEqualTo("better");
        assertThat(history.getString("items[0].moves.sla-readiness")).isEqualTo("worse");
        assertThat(history.getString("items[0].moves.business-ownership")).isEqualTo("same");
        assertThat(history.getString("items[1].moves")).isNull();

        Response page = given().auth().oauth2(nora).get("/api/domains/" + domain + "/readiness?size=1");
        page.then().statusCode(200).body("items.id", contains((int) second));
        String next = page.jsonPath().getString("next");
        assertThat(page.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        given().auth()
                .oauth2(nora)
                .urlEncodingEnabled(false)
                .get(next)
                .then()
                .statusCode(200)
                .body("items.id", contains((int) first))
                .body("items[0].moves", nullValue())
                .body("next", nullValue());
        given().auth()
                .oauth2(nora)
                .get("/api/domains/" + domain + "/readiness?after=garbage")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("after"));
    }

    @Test
    void anUnknownDomainIsA404() {
        given().auth()
                .oauth2(nora)
                .get("/api/domains/no-such-domain-here/readiness")
                .then()
                .statusCode(404);
        DraftJson.oneRed().saveAs(carla, "no-such-domain-here").then().statusCode(404);
    }

    /** Saves and submits a complete draft with one red (capacity, with its plan item); returns the assessment's id. */
    private long submitOneRed(String token) {
        Response saved = DraftJson.oneRed()
                .plan("capacity", "Hire a data engineer", "nora.network", today.plusDays(90))
                .saveAs(token, domain);
        saved.then().statusCode(201);
        return DraftJson.submitAs(token, domain, saved.jsonPath().getInt("lockVersion"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private JsonPath read(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/domains/" + domain + "/readiness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private Response done(String token, long item) {
        return given().auth().oauth2(token).post("/api/domains/" + domain + "/readiness/plan-items/" + item + "/done");
    }

    private Response waive(String token, long assessment, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/domains/" + domain + "/readiness/assessments/" + assessment + "/waivers");
    }
}
